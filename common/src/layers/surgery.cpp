#include "dl/layers/surgery.hpp"

#include "dl/layers/activations.hpp"
#include "dl/layers/batch_norm.hpp"
#include "dl/layers/dropout.hpp"
#include "dl/layers/global_avg_pool2d.hpp"
#include "dl/layers/init.hpp"
#include "dl/layers/linear.hpp"

#include <stdexcept>

namespace dl {

template <class T>
BodyAndHead<T> cut_at_global_pool(Sequential<T>&& network) {
    std::vector<std::unique_ptr<Layer<T>>> layers = network.release_layers();
    std::size_t pool = 0;
    while (pool < layers.size() && dynamic_cast<GlobalAvgPool2d<T>*>(layers[pool].get()) == nullptr) ++pool;
    if (pool == layers.size()) {
        for (auto& layer : layers) network.append(std::move(layer));  // hand the network back unchanged
        throw std::invalid_argument("cut_at_global_pool: the network has no GlobalAvgPool2d layer to cut at");
    }
    BodyAndHead<T> parts;
    for (std::size_t i = 0; i < layers.size(); ++i) (i <= pool ? parts.body : parts.head).append(std::move(layers[i]));
    parts.body.train(network.is_training());  // the parts keep the network's mode
    parts.head.train(network.is_training());
    return parts;
}

//! [make_head]
template <class T>
Sequential<T> make_head(std::size_t features, std::size_t hidden, std::size_t classes, double dropout, Rng& rng) {
    Sequential<T> head;
    head.template add<BatchNorm1d<T>>(features);                                      // (N, F)
    head.template add<Dropout<T>>(dropout / 2, rng.index(1u << 30));
    head.template add<Linear<T>>(features, hidden, Init::he, rng);                     // (N, hidden)
    head.template add<ReLU<T>>();
    head.template add<BatchNorm1d<T>>(hidden);
    head.template add<Dropout<T>>(dropout, rng.index(1u << 30));
    head.template add<Linear<T>>(hidden, classes, Init::xavier, rng);                  // (N, K)
    return head;
}
//! [make_head]

template <class T>
void set_frozen(Layer<T>& layer, bool frozen) {
    for (Parameter<T>* p : layer.parameters()) p->frozen = frozen;
}

template <class T>
std::size_t trainable_parameter_count(Layer<T>& layer) {
    std::size_t count = 0;
    for (const Parameter<T>* p : layer.parameters())
        if (!p->frozen) count += p->value.size();
    return count;
}

template struct BodyAndHead<float>;
template struct BodyAndHead<double>;
template BodyAndHead<float> cut_at_global_pool(Sequential<float>&&);
template BodyAndHead<double> cut_at_global_pool(Sequential<double>&&);
template Sequential<float> make_head(std::size_t, std::size_t, std::size_t, double, Rng&);
template Sequential<double> make_head(std::size_t, std::size_t, std::size_t, double, Rng&);
template void set_frozen(Layer<float>&, bool);
template void set_frozen(Layer<double>&, bool);
template std::size_t trainable_parameter_count(Layer<float>&);
template std::size_t trainable_parameter_count(Layer<double>&);

}  // namespace dl

#include "dl/layers/init.hpp"

#include <cmath>
#include <stdexcept>

namespace dl {

Init parse_init(const std::string& name) {
    if (name == "zeros") return Init::zeros;
    if (name == "uniform") return Init::uniform;
    if (name == "xavier") return Init::xavier;
    if (name == "he") return Init::he;
    throw std::invalid_argument("unknown initializer '" + name +
                                "' (expected zeros, uniform, xavier or he)");
}

std::string init_name(Init init) {
    switch (init) {
        case Init::zeros: return "zeros";
        case Init::uniform: return "uniform";
        case Init::xavier: return "xavier";
        case Init::he: return "he";
    }
    return "?";
}

template <class T>
void initialize(Tensor<T>& weights, Init init, std::size_t fan_in, std::size_t fan_out, Rng& rng) {
    const double xavier_limit = std::sqrt(6.0 / double(fan_in + fan_out));
    const double he_std = std::sqrt(2.0 / double(fan_in));
    for (T& w : weights) {
        switch (init) {
            case Init::zeros: w = T(0); break;
            case Init::uniform: w = T(rng.uniform(-0.05, 0.05)); break;
            case Init::xavier: w = T(rng.uniform(-xavier_limit, xavier_limit)); break;
            case Init::he: w = T(rng.normal(0.0, he_std)); break;
        }
    }
}

template void initialize<float>(Tensor<float>&, Init, std::size_t, std::size_t, Rng&);
template void initialize<double>(Tensor<double>&, Init, std::size_t, std::size_t, Rng&);

}  // namespace dl

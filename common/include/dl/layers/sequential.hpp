/// @file sequential.hpp
/// @brief A chain of layers that is itself a layer.
#pragma once

#include "dl/layers/layer.hpp"

#include <memory>
#include <vector>
#include <utility>

namespace dl {

/// Runs its layers in order on the way forward and in reverse order on the way back.
///
/// Parameters and buffers are renamed "<index>.<name>" as layers are added, so "2.weight" is the
/// weight of the third layer; nested chains give "1.0.weight".
template <class T>
class Sequential : public Layer<T> {
public:
    /// @brief Appends a layer built in place: `net.add<Linear<float>>(784, 256, Init::he, rng)`.
    /// @param args the arguments of L's constructor
    /// @return the new layer, owned by the chain
    template <class L, class... Args>
    L& add(Args&&... args) {
        auto layer = std::make_unique<L>(std::forward<Args>(args)...);
        L& ref = *layer;
        append(std::move(layer));
        return ref;
    }

    /// @brief Appends a layer that was built elsewhere.
    /// @param layer the layer; the chain takes it over and switches it to the chain's mode
    void append(std::unique_ptr<Layer<T>> layer);

    Tensor<T> forward(const Tensor<T>& x) override;
    Tensor<T> backward(const Tensor<T>& dy) override;
    std::vector<Parameter<T>*> parameters() override;
    std::vector<Buffer<T>*> buffers() override;
    std::string name() const override;
    void train(bool on = true) override;

    /// @brief Number of layers in the chain.
    /// @return the number of layers
    std::size_t size() const { return layers_.size(); }

    /// @brief The layer at position @p i.
    /// @param i the position, from 0; throws std::out_of_range past the end
    /// @return the layer, still owned by the chain
    Layer<T>& operator[](std::size_t i) { return *layers_.at(i); }

    /// Empties the chain and hands its layers over, in order, with the "<index>." prefix
    /// this chain gave their parameter and buffer names taken off again, so that they can
    /// be appended to another chain (model surgery).
    /// @return the layers, first to last
    std::vector<std::unique_ptr<Layer<T>>> release_layers();

    /// @brief A multi-line listing: one layer per line with its parameter count.
    /// @return the listing, ending with the total parameter count
    std::string summary();

private:
    std::vector<std::unique_ptr<Layer<T>>> layers_;
};

}  // namespace dl

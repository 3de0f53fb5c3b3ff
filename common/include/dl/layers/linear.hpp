/// @file linear.hpp
/// @brief The fully connected layer y = x Wᵀ + b.
#pragma once

#include "dl/layers/init.hpp"
#include "dl/layers/layer.hpp"

namespace dl {

/// A fully connected layer: every output is a weighted sum of every input, plus a bias.
///
/// Forward:  y = x Wᵀ + b             x (N, in), W (out, in), b (out), y (N, out)
/// Backward: dW += dyᵀ x, db += Σₙ dy, dx = dy W
template <class T>
class Linear : public Layer<T> {
public:
    /// @brief A layer from @p in_features to @p out_features, weights drawn by @p init, bias 0.
    /// @param in_features in, the width of an input row
    /// @param out_features out, the width of an output row
    /// @param init how to draw the weights
    /// @param rng the random source of the weights
    Linear(std::size_t in_features, std::size_t out_features, Init init, Rng& rng);

    Tensor<T> forward(const Tensor<T>& x) override;
    Tensor<T> backward(const Tensor<T>& dy) override;
    std::vector<Parameter<T>*> parameters() override { return {&weight_, &bias_}; }
    std::string name() const override;

    Parameter<T>& weight() { return weight_; }  ///< (out, in) @return W, value and gradient
    Parameter<T>& bias() { return bias_; }      ///< (out) @return b, value and gradient

private:
    std::size_t in_, out_;
    Parameter<T> weight_;  // (out, in)
    Parameter<T> bias_;    // (out)
    Tensor<T> input_;      // (N, in), cached by forward for backward
};

}  // namespace dl

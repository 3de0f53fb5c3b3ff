/// @file batch_norm.hpp
/// @brief Batch normalization (Ioffe & Szegedy, 2015) over the channels of (N, C) or (N, C, H, W).
#pragma once

#include "dl/layers/layer.hpp"

namespace dl {

/// Normalizes every channel to mean 0 and variance 1, then scales and shifts it:
///
///     x̂ = (x − μ_c) / √(σ²_c + ε),   y = γ_c · x̂ + β_c
///
/// In training, μ_c and σ²_c are the statistics of the batch (over N, and H and W for
/// images), and running averages of them are kept:
/// running ← (1 − momentum)·running + momentum·batch (the variance averaged unbiased).
/// In evaluation, the running averages are used instead, so one image's output does not
/// depend on the others in its batch. Backward (training mode), with M values per channel:
///
///     dγ += Σ dy·x̂,   dβ += Σ dy,   dx = γ/(M·√(σ²+ε)) · (M·dy − Σ dy − x̂·Σ dy·x̂)
template <class T>
class BatchNorm : public Layer<T> {
public:
    /// @param channels C
    /// @param momentum weight of the new batch in the running averages
    /// @param epsilon ε, added to the variance
    /// @param affine learn γ and β (else γ = 1, β = 0)
    explicit BatchNorm(std::size_t channels, double momentum = 0.1, double epsilon = 1e-5, bool affine = true);

    Tensor<T> forward(const Tensor<T>& x) override;
    Tensor<T> backward(const Tensor<T>& dy) override;
    std::vector<Parameter<T>*> parameters() override;
    std::vector<Buffer<T>*> buffers() override { return {&running_mean_, &running_var_}; }
    std::string name() const override;

    Parameter<T>& gamma() { return gamma_; }       ///< (C), the scale γ @return γ, value and gradient
    Parameter<T>& beta() { return beta_; }         ///< (C), the shift β @return β, value and gradient
    Buffer<T>& running_mean() { return running_mean_; }  ///< (C) @return the running mean of each channel
    Buffer<T>& running_var() { return running_var_; }    ///< (C) @return the running variance of each channel

protected:
    /// @brief Checks the input's rank; the 1d and 2d versions accept only theirs.
    /// @param x the input of forward(): (N, C) or (N, C, H, W) here; another rank throws
    ///        std::invalid_argument
    virtual void check_rank(const Tensor<T>& x) const;

private:
    std::size_t channels_;
    double momentum_, epsilon_;
    bool affine_;
    Parameter<T> gamma_, beta_;             // (C)
    Buffer<T> running_mean_, running_var_;  // (C)
    Tensor<T> normalized_;                  // x̂, the input's shape, cached for backward
    Tensor<T> inv_std_;                     // (C): 1 / √(σ² + ε) of the last batch
    bool forward_used_batch_statistics_ = true;  // the mode of the last forward()
};

/// BatchNorm for the outputs of a fully connected layer: (N, C).
template <class T>
class BatchNorm1d : public BatchNorm<T> {
public:
    using BatchNorm<T>::BatchNorm;

protected:
    void check_rank(const Tensor<T>& x) const override;
};

/// BatchNorm for the outputs of a convolution: (N, C, H, W), statistics over N, H and W.
template <class T>
class BatchNorm2d : public BatchNorm<T> {
public:
    using BatchNorm<T>::BatchNorm;

protected:
    void check_rank(const Tensor<T>& x) const override;
};

}  // namespace dl

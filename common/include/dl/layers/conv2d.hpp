/// @file conv2d.hpp
/// @brief 2-D convolution through im2col and one matrix multiplication per direction.
#pragma once

#include "dl/layers/im2col.hpp"
#include "dl/layers/init.hpp"
#include "dl/layers/layer.hpp"
#include "dl/layers/winograd.hpp"


namespace dl {

/// How Conv2d computes: through im2col and GEMM (the default), the naive loops of
/// conv2d_naive.hpp (the "before" of chapter 2's speed experiment), or Winograd's
/// F(2×2, 3×3) of winograd.hpp (3×3 stride-1 layers only; others use im2col and GEMM).
enum class ConvAlgorithm { gemm, naive, winograd };

/// A convolution with F filters of size C×K×K, stride s and zero padding p:
///
///     y (N, F, OH, OW) = W (F, C, K, K) ⊛ x (N, C, H, W) + b (F)
///
/// Computed image by image as a matrix product over the image's im2col matrix
/// col (C·K·K, OH·OW):
///
///     forward:   Y_n  = W · col_n                 (F, C·K·K) · (C·K·K, OH·OW)
///     backward:  dW  += dY_n · col_nᵀ,   db += Σ dY_n,   dcol = Wᵀ · dY_n,   dx_n = col2im(dcol)
///
/// The images of a batch are shared among the cores by an OpenMP loop; each thread keeps
/// its own column buffer (small enough to stay in cache) and calls a single-threaded GEMM.
/// Weight gradients are summed per thread and then added in thread order, so a run is
/// repeatable for a given thread count. A 1×1 convolution with stride 1 and no padding
/// needs no im2col: each image's (C, H·W) matrix already is its column matrix.
template <class T>
class Conv2d : public Layer<T> {
public:
    /// @brief A convolution of @p in_channels input channels by @p out_channels filters.
    ///
    /// Throws std::invalid_argument unless the channels, kernel and stride are positive and
    /// the padding is not negative.
    /// @param in_channels C, the input's channels
    /// @param out_channels F, the number of filters (the output's channels)
    /// @param kernel K (square)
    /// @param stride s
    /// @param padding p (zeros on every side)
    /// @param init how to draw the weights (biases start at 0)
    /// @param rng the random source of the weights
    /// @param bias false for a layer without bias, e.g. one followed by BatchNorm, whose β
    ///        does that job
    Conv2d(int in_channels, int out_channels, int kernel, int stride, int padding, Init init, Rng& rng, bool bias = true);

    Tensor<T> forward(const Tensor<T>& x) override;
    /// @brief forward(), keeping @p x for backward without copying it.
    /// @param x the input (N, C, H, W); taken over
    /// @return y (N, F, OH, OW)
    Tensor<T> forward_taking(Tensor<T>&& x) override;
    Tensor<T> backward(const Tensor<T>& dy) override;
    std::vector<Parameter<T>*> parameters() override;
    std::string name() const override;

    Parameter<T>& weight() { return weight_; }  ///< (F, C, K, K) @return the filters W, value and gradient
    Parameter<T>& bias() { return bias_; }      ///< (F); unused when built without bias @return the biases b, value and gradient

    /// @brief Accumulates dW += dY · colᵀ and db += Σ dY for the last forward().
    ///
    /// This and input_gradient() are the two halves of backward(), public so that a
    /// benchmark can time each and a first layer (whose input is data) can skip the second.
    /// db is left alone when the layer has no bias.
    /// @param dy dL/dy (N, F, OH, OW) for the last forward()
    void accumulate_weight_gradient(const Tensor<T>& dy);
    /// @brief Returns dL/dx = col2im(Wᵀ · dY), (N, C, H, W), for the last forward().
    ///
    /// The second half of backward(); see accumulate_weight_gradient().
    /// @param dy dL/dy (N, F, OH, OW) for the last forward()
    /// @return dL/dx (N, C, H, W)
    Tensor<T> input_gradient(const Tensor<T>& dy);

    /// When false, backward() only accumulates the weight gradients and returns an empty
    /// tensor: right for a first layer, whose input gradient nobody uses. With
    /// ConvAlgorithm::naive, backward() computes the input gradient all the same.
    /// @param needed false to skip the input gradient, true (the default) to compute it
    void set_input_gradient_needed(bool needed) { input_gradient_needed_ = needed; }
    /// @brief False for a layer told that nobody needs its input gradient.
    /// @return whether backward() computes the input gradient
    bool input_gradient_needed() const { return input_gradient_needed_; }

    /// @brief Chooses the algorithm for later forward and backward passes (same results).
    /// @param algorithm ConvAlgorithm::gemm (the default), ConvAlgorithm::naive or
    ///        ConvAlgorithm::winograd
    void set_algorithm(ConvAlgorithm algorithm) { algorithm_ = algorithm; }

    /// @brief The geometry this layer applies to an input of @p height × @p width.
    /// @param height H, the input's rows
    /// @param width W, the input's columns
    /// @return C, H, W, the K×K window, s and p of one image
    ConvGeometry geometry(int height, int width) const;

private:
    bool pointwise() const { return kernel_ == 1 && stride_ == 1 && padding_ == 0; }
    bool uses_winograd(const ConvGeometry& g) const { return algorithm_ == ConvAlgorithm::winograd && winograd_applies(g); }
    // Throws unless @p x is (N, C, H, W) with this layer's C and at least the kernel's size.
    void check_input(const Tensor<T>& x) const;
    // The forward pass on input_, which forward() or forward_taking() has just set.
    Tensor<T> forward_from_input();
    ConvGeometry input_geometry() const { return geometry(int(input_.shape(2)), int(input_.shape(3))); }
    void check_gradient_shape(const Tensor<T>& dy) const;

    int in_, out_, kernel_, stride_, padding_;
    bool has_bias_;
    ConvAlgorithm algorithm_ = ConvAlgorithm::gemm;
    bool input_gradient_needed_ = true;
    Parameter<T> weight_;  // (F, C, K, K)
    Parameter<T> bias_;    // (F)
    Tensor<T> input_;      // (N, C, H, W), cached by forward for backward
};

}  // namespace dl

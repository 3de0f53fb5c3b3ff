/// @file conv_transpose2d.hpp
/// @brief Transposed convolution: the learned upsampling of a decoder, as GEMM then col2im.
#pragma once

#include "dl/layers/im2col.hpp"
#include "dl/layers/init.hpp"
#include "dl/layers/layer.hpp"

namespace dl {

/// The adjoint of a convolution: where Conv2d gathers a K×K window of the input into one
/// output value, ConvTranspose2d scatters each input value, weighted by a K×K kernel, onto
/// a window of the output. With stride s it enlarges an image:
///
///     OH = (H − 1)·s − 2·p + K        (K = 2, s = 2, p = 0 doubles the size)
///
/// Image by image, with W viewed as the matrix (C, F·K·K):
///
///     forward:   col = Wᵀ · x_n                  (F·K·K, H·W),  y_n = col2im(col) + b
///     backward:  dcol = im2col(dY_n),  dx_n = W · dcol,  dW += x_n · dcolᵀ,  db += Σ dY_n
///
/// which is Conv2d's backward pass run forwards: the forward of one is the input gradient
/// of the other, with the same weights (a test checks exactly that).
template <class T>
class ConvTranspose2d : public Layer<T> {
public:
    /// @brief A transposed convolution from @p in_channels to @p out_channels channels.
    /// @param in_channels C
    /// @param out_channels F
    /// @param kernel K (square)
    /// @param stride s
    /// @param padding p (rows and columns cropped from every side of the output)
    /// @param init how to draw the weights (biases start at 0)
    /// @param rng the weights' random source
    ConvTranspose2d(int in_channels, int out_channels, int kernel, int stride, int padding, Init init, Rng& rng);

    Tensor<T> forward(const Tensor<T>& x) override;
    Tensor<T> backward(const Tensor<T>& dy) override;
    std::vector<Parameter<T>*> parameters() override { return {&weight_, &bias_}; }
    std::string name() const override;

    Parameter<T>& weight() { return weight_; }  ///< (C, F, K, K): input channel first @return W, value and gradient
    Parameter<T>& bias() { return bias_; }      ///< (F) @return b, value and gradient

    /// The convolution geometry of the output image (F, OH, OW) for an input of
    /// @p height × @p width: sliding its window over the output gives back H × W positions.
    /// @param height H, the input's rows
    /// @param width W, the input's columns
    /// @return F, OH, OW, the K×K window, s and p
    ConvGeometry output_geometry(int height, int width) const;

private:
    int in_, out_, kernel_, stride_, padding_;
    Parameter<T> weight_;  // (C, F, K, K)
    Parameter<T> bias_;    // (F)
    Tensor<T> input_;      // (N, C, H, W), cached by forward for backward
};

}  // namespace dl

/// @file conv2d.hpp
/// @brief 2-D convolution through im2col and one matrix multiplication per direction.
#pragma once

#include "dl/layers/im2col.hpp"
#include "dl/layers/init.hpp"
#include "dl/layers/layer.hpp"

#include <vector>

namespace dl {

/// How Conv2d computes: through im2col and GEMM (the default), or the naive loops of
/// conv2d_naive.hpp (the "before" of chapter 2's speed experiment).
enum class ConvAlgorithm { gemm, naive };

/// A convolution with F filters of size C×K×K, stride s and zero padding p:
///
///     y (N, F, OH, OW) = W (F, C, K, K) ⊛ x (N, C, H, W) + b (F)
///
/// Computed as matrix products over the im2col matrix of a chunk of B images,
/// col (C·K·K, B·OH·OW), so each direction is one large GEMM instead of B small ones:
///
///     forward:   Y  = W · col                 (F, C·K·K) · (C·K·K, B·OH·OW)
///     backward:  dW += dY · colᵀ,   db += Σ dY,   dcol = Wᵀ · dY,   dx = col2im(dcol)
///
/// A 1×1 convolution with stride 1 and no padding needs no im2col: each image's (C, H·W)
/// matrix already is its column matrix.
template <class T>
class Conv2d : public Layer<T> {
public:
    /// @param kernel K (square), @param stride s, @param padding p (zeros on every side).
    Conv2d(int in_channels, int out_channels, int kernel, int stride, int padding, Init init, Rng& rng, bool bias = true);

    Tensor<T> forward(const Tensor<T>& x) override;
    Tensor<T> backward(const Tensor<T>& dy) override;
    std::vector<Parameter<T>*> parameters() override;
    std::string name() const override;

    Parameter<T>& weight() { return weight_; }  ///< (F, C, K, K)
    Parameter<T>& bias() { return bias_; }      ///< (F); unused when built without bias

    /// The two halves of backward(), public so that a benchmark can time each and a
    /// first layer (whose input is data) can skip the second:
    /// dW += dY · colᵀ and db += Σ dY for the last forward() ...
    void accumulate_weight_gradient(const Tensor<T>& dy);
    /// ... and dx = col2im(Wᵀ · dY), (N, C, H, W).
    Tensor<T> input_gradient(const Tensor<T>& dy);

    /// When false, backward() only accumulates the weight gradients and returns an empty
    /// tensor: right for a first layer, whose input gradient nobody uses.
    void set_input_gradient_needed(bool needed) { input_gradient_needed_ = needed; }

    /// Chooses the algorithm for later forward and backward passes (same results).
    void set_algorithm(ConvAlgorithm algorithm) { algorithm_ = algorithm; }

    /// The geometry this layer applies to an input of @p height × @p width.
    ConvGeometry geometry(int height, int width) const;

    /// Largest im2col workspace, in elements, before a batch is split into chunks.
    static constexpr std::size_t kMaxColumnElements = std::size_t(1) << 21;

private:
    bool pointwise() const { return kernel_ == 1 && stride_ == 1 && padding_ == 0; }
    void forward_chunk(const ConvGeometry& g, int first, int count, T* y);
    void check_gradient_shape(const Tensor<T>& dy) const;
    void gather_dy(const T* dy_chunk, int count, std::size_t positions);
    void weight_gradient_chunk(const ConvGeometry& g, int first, int count, const T* dy);
    void input_gradient_chunk(const ConvGeometry& g, int first, int count, const T* dy, T* dx);

    int in_, out_, kernel_, stride_, padding_;
    bool has_bias_;
    ConvAlgorithm algorithm_ = ConvAlgorithm::gemm;
    bool input_gradient_needed_ = true;
    Parameter<T> weight_;    // (F, C, K, K)
    Parameter<T> bias_;      // (F)
    Tensor<T> input_;        // (N, C, H, W), cached by forward for backward
    std::vector<T> col_;     // (C·K·K, B·OH·OW) workspace
    std::vector<T> matrix_;  // (F, B·OH·OW) workspace: Y or dY of a chunk
};

}  // namespace dl

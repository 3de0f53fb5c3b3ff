/// @file residual_block.hpp
/// @brief The basic residual block of He et al. (2016), with optional stochastic depth.
#pragma once

#include "dl/layers/conv2d.hpp"
#include "dl/layers/sequential.hpp"

#include <cstdint>

namespace dl {

/// y = ReLU(branch(x) + shortcut(x)), where
///
///     branch:   conv3×3 (stride s) → BN → ReLU → conv3×3 → BN     (N, in, H, W) → (N, out, H/s, W/s)
///     shortcut: x itself when the shape is unchanged (in = out, s = 1), else a 1×1 convolution
///               with stride s followed by BN: the "projection" that matches the shapes.
///
/// Backward follows the graph: the gradient at the sum goes unchanged to *both* paths, and
/// the two gradients that arrive back at x (through the branch and through the shortcut)
/// are added at the fork. The identity path passes dL/dy straight through, which is why a
/// deep stack of these blocks still gets a useful gradient in its first layers.
///
/// Stochastic depth (Huang et al., 2016): in training, the whole branch is skipped with
/// probability @p drop_probability (the block is then the shortcut alone); in evaluation
/// the branch is always used, scaled by its survival probability 1 − p, so the expected sum
/// (before the ReLU) is the same in both modes.
template <class T>
class ResidualBlock : public Layer<T> {
public:
    /// @param in_channels channels of the block's input
    /// @param out_channels channels of the block's output
    /// @param stride 1, or 2 to halve H and W
    /// @param rng the random source of the convolutions' weights
    /// @param drop_probability stochastic depth's p (0 = always keep the branch)
    /// @param seed for the draws of stochastic depth
    ResidualBlock(int in_channels, int out_channels, int stride, Rng& rng, double drop_probability = 0.0, std::uint64_t seed = 0);

    Tensor<T> forward(const Tensor<T>& x) override;
    Tensor<T> backward(const Tensor<T>& dy) override;
    std::vector<Parameter<T>*> parameters() override;
    std::vector<Buffer<T>*> buffers() override;
    std::string name() const override;
    void train(bool on = true) override;

    /// @brief True when the shortcut is a 1×1 projection rather than the identity.
    /// @return whether the shortcut is a projection
    bool has_projection() const { return projection_.size() > 0; }

    /// @brief The residual branch (conv-BN-ReLU-conv-BN).
    /// @return the branch's five layers
    Sequential<T>& branch() { return branch_; }

    /// @brief The shortcut's layers: a 1×1 convolution and BatchNorm for a projection,
    /// none for the identity.
    /// @return the shortcut's layers
    Sequential<T>& shortcut() { return projection_; }

private:
    // Throws unless the branch's output, in sum_, has the shortcut's shape.
    void check_branch_shape(const Tensor<T>& x, const Tensor<T>& shortcut) const;
    // The branch's backward pass from dL/d(sum), times the scale forward gave the branch.
    Tensor<T> branch_backward(const Tensor<T>& dsum);

    int in_, out_, stride_;
    double drop_probability_;
    Rng rng_;
    Sequential<T> branch_, projection_;  // projection_ is empty for the identity shortcut
    bool branch_used_ = true;            // whether the last forward() ran the branch
    T branch_scale_ = T(1);              // what the last forward() multiplied the branch by
    Tensor<T> sum_;                      // (N, out, H/s, W/s): branch + shortcut, before the ReLU
};

}  // namespace dl

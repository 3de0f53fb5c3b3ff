/// @file winograd.hpp
/// @brief 3×3 stride-1 convolution by Winograd's minimal filtering F(2×2, 3×3).
///
/// A 2×2 block of outputs of a 3×3 filter needs 2·2·9 = 36 multiplications when computed
/// directly. Winograd's algorithm (as applied to CNNs by Lavin and Gray, "Fast Algorithms
/// for Convolutional Neural Networks", 2016) gets the same four outputs from the 4×4 input
/// tile d that covers them with 16, after transforming the tile and the filter g:
///
///     Y (2×2) = Aᵀ [ (G g Gᵀ) ⊙ (Bᵀ d B) ] A
///
///           ⎡1  0 −1  0⎤        ⎡ 1    0    0 ⎤
///      Bᵀ = ⎢0  1  1  0⎥    G = ⎢ ½    ½    ½ ⎥    Aᵀ = ⎡1  1  1  0⎤
///           ⎢0 −1  1  0⎥        ⎢ ½   −½    ½ ⎥         ⎣0  1 −1 −1⎦
///           ⎣0  1  0 −1⎦        ⎣ 0    0    1 ⎦
///
/// Summed over input channels, the element-wise products become 16 matrix products, one per
/// element ξ of the 4×4 tile: M_ξ (F, T) = U_ξ (F, C) · V_ξ (C, T), with U = G g Gᵀ for
/// every filter and channel, V = Bᵀ d B for every channel and tile, and T the tiles of the
/// whole batch side by side (a 2.25-fold saving of multiplications on the matrix products,
/// which dominate; the transforms are additions).
///
/// Every step is linear, so the backward pass is the same steps transposed: dM = A dY Aᵀ,
/// dU_ξ = dM_ξ · V_ξᵀ and dg = Gᵀ dU G, dV_ξ = U_ξᵀ · dM_ξ and dd = B dV Bᵀ, added into dx
/// where the tiles overlap. The naive loops of conv2d_naive.hpp are the reference the tests
/// compare all three gradients with.
#pragma once

#include "dl/layers/conv2d_naive.hpp"

namespace dl {

/// @brief Whether Winograd F(2×2, 3×3) applies: a 3×3 window, stride 1 (any padding).
/// @param g the geometry of one image
/// @return true for a 3×3 window with stride 1
bool winograd_applies(const ConvGeometry& g);

/// Forward pass, the same contract as conv2d_naive_forward().
/// Throws std::invalid_argument unless winograd_applies(s.geometry).
/// @param s the sizes: N, F and each image's geometry
/// @param x (N, C, H, W)
/// @param w (F, C, 3, 3)
/// @param b (F), or nullptr for no bias
/// @param y (N, F, OH, OW), overwritten
template <class T>
void winograd_forward(const ConvShape& s, const T* x, const T* w, const T* b, T* y);

/// Backward pass, the same contract as conv2d_naive_backward(), except that @p dx may be
/// nullptr (a first layer, whose input gradient nobody uses).
/// Throws std::invalid_argument unless winograd_applies(s.geometry).
/// @param s the sizes: N, F and each image's geometry
/// @param x (N, C, H, W), the input of the forward pass
/// @param w (F, C, 3, 3)
/// @param dy (N, F, OH, OW)
/// @param dx (N, C, H, W), overwritten; nullptr to skip
/// @param dw (F, C, 3, 3), accumulated
/// @param db (F), accumulated (nullptr: skipped)
template <class T>
void winograd_backward(const ConvShape& s, const T* x, const T* w, const T* dy, T* dx, T* dw, T* db);

}  // namespace dl

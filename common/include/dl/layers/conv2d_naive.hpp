/// @file conv2d_naive.hpp
/// @brief Convolution as nested loops: the definition, the tests' oracle, and the "before".
#pragma once

#include "dl/layers/im2col.hpp"

namespace dl {

/// The sizes of a batched convolution.
struct ConvShape {
    int batch = 1;         ///< N
    int out_channels = 1;  ///< F
    ConvGeometry geometry; ///< C, H, W, KH, KW, stride, padding of each image
};

/// y[n][f][oh][ow] = b[f] + Σ_c Σ_kh Σ_kw w[f][c][kh][kw] · x[n][c][oh·s − p + kh][ow·s − p + kw]
///
/// @param s the sizes: N, F and each image's geometry
/// @param x (N, C, H, W)
/// @param w (F, C, KH, KW)
/// @param b (F), or nullptr for no bias
/// @param y (N, F, OH, OW), overwritten
template <class T>
void conv2d_naive_forward(const ConvShape& s, const T* x, const T* w, const T* b, T* y);

/// The three gradients by the same loops: dx = Σ dy·w, dw += Σ dy·x, db += Σ dy.
///
/// @param s the sizes: N, F and each image's geometry
/// @param x (N, C, H, W), the input of the forward pass
/// @param w (F, C, KH, KW)
/// @param dy (N, F, OH, OW)
/// @param dx (N, C, H, W), overwritten
/// @param dw (F, C, KH, KW), accumulated
/// @param db (F), accumulated (nullptr: skipped)
template <class T>
void conv2d_naive_backward(const ConvShape& s, const T* x, const T* w, const T* dy, T* dx, T* dw, T* db);

}  // namespace dl

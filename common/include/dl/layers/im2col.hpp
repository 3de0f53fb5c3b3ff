/// @file im2col.hpp
/// @brief Unfolding image patches into matrix columns, so convolution becomes one GEMM.
#pragma once

#include <cstddef>

namespace dl {

/// The sizes that describe one image going through a convolution or pooling window.
struct ConvGeometry {
    int channels = 1;  ///< C: input channels
    int height = 1;    ///< H: input rows
    int width = 1;     ///< W: input columns
    int kernel_h = 1;  ///< KH: window rows
    int kernel_w = 1;  ///< KW: window columns
    int stride = 1;    ///< step between windows, in both directions
    int padding = 0;   ///< zeros added on every side

    /// @brief OH = (H + 2·padding − KH) / stride + 1, or 0 when the window does not fit at all.
    /// @return OH, the output's rows
    int out_h() const { return height + 2 * padding < kernel_h ? 0 : (height + 2 * padding - kernel_h) / stride + 1; }
    /// @brief OW = (W + 2·padding − KW) / stride + 1, or 0 when the window does not fit at all.
    /// @return OW, the output's columns
    int out_w() const { return width + 2 * padding < kernel_w ? 0 : (width + 2 * padding - kernel_w) / stride + 1; }
    /// @brief Rows of the column matrix: C·KH·KW, the length of one unfolded patch.
    /// @return C·KH·KW
    int patch_size() const { return channels * kernel_h * kernel_w; }
    /// @brief Columns per image: OH·OW, one per output position.
    /// @return OH·OW
    int positions() const { return out_h() * out_w(); }
};

/// Unfolds one image into columns: column p holds the C·KH·KW input values that output
/// position p sees (zeros where the window hangs over the padding).
///
/// @param image (C, H, W)
/// @param g     the image's size and the window's
/// @param col   (C·KH·KW, OH·OW) written into a matrix whose rows are @p col_stride long
///              (col_stride = OH·OW for a single image; larger to place several images
///              side by side in one matrix)
/// @param col_stride the length of a row of @p col, at least OH·OW
template <class T>
void im2col(const T* image, const ConvGeometry& g, T* col, std::size_t col_stride);

/// The adjoint of im2col(): adds every column entry back onto the input pixel it came
/// from. Pixels covered by several windows receive the sum. Padding entries are dropped.
///
/// @param col   (C·KH·KW, OH·OW) with rows @p col_stride long
/// @param g     the image's size and the window's
/// @param image (C, H, W), accumulated into (zero it first for a plain gradient)
/// @param col_stride the length of a row of @p col, at least OH·OW
template <class T>
void col2im(const T* col, const ConvGeometry& g, T* image, std::size_t col_stride);

}  // namespace dl

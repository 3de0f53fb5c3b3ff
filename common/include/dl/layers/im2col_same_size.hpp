/// @file im2col_same_size.hpp
/// @brief A fast im2col and col2im for the most common convolution: stride 1, "same" padding.
///
/// When the stride is 1 and the padding is (K − 1)/2, the output has the input's size and
/// each row (c, kh, kw) of the column matrix is the input plane c shifted by
/// (kh − padding, kw − padding): one long copy of the plane, then zeros written over the
/// few entries that the shift wrapped around from a neighbouring row or that fall on the
/// padding. The general im2col() copies one short output row at a time (7 values at a
/// time on a 7×7 map), and spends most of its time on the loops around those copies.
/// Both give the same matrix; the tests compare them over a sweep of shapes.
#pragma once

#include "dl/layers/im2col.hpp"

namespace dl {

/// @brief Whether @p g has stride 1 and a padding that keeps the size (KH = KW = 2·padding + 1).
/// @param g the image's size and the window's
/// @return true when im2col_same_size() and col2im_same_size() apply
bool keeps_size(const ConvGeometry& g);

/// im2col() for a geometry where keeps_size() holds; the same result.
/// @param image (C, H, W)
/// @param g     the image's size and the window's; keeps_size(g) must hold
/// @param col   (C·KH·KW, H·W) written into a matrix whose rows are @p col_stride long
/// @param col_stride the length of a row of @p col, at least H·W
template <class T>
void im2col_same_size(const T* image, const ConvGeometry& g, T* col, std::size_t col_stride);

/// col2im() for a geometry where keeps_size() holds; the same result, but it writes zeros
/// into @p col's padding entries (which col2im() drops) so that each row can be added back
/// in one long run.
/// @param col   (C·KH·KW, H·W) with rows @p col_stride long; its padding entries are zeroed
/// @param g     the image's size and the window's; keeps_size(g) must hold
/// @param image (C, H, W), accumulated into (zero it first for a plain gradient)
/// @param col_stride the length of a row of @p col, at least H·W
template <class T>
void col2im_same_size(T* col, const ConvGeometry& g, T* image, std::size_t col_stride);

}  // namespace dl

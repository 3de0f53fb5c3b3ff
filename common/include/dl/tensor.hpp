/// @file tensor.hpp
/// @brief The one place the library includes xtensor: the tensor type every layer exchanges.
#pragma once

#include <xtensor/xarray.hpp>

#include <cstddef>
#include <string>
#include <vector>

/// Everything the book's library defines lives in namespace `dl`.
namespace dl {

/// A dense, row-major, contiguous n-dimensional array. Images are NCHW: (N, C, H, W).
template <class T>
using Tensor = xt::xarray<T>;

/// A tensor shape as a plain vector, e.g. {64, 1, 28, 28}.
using Shape = std::vector<std::size_t>;

/// @brief The shape of @p t as a plain vector.
/// @param t any tensor
/// @return its shape, e.g. {64, 1, 28, 28}
template <class T>
Shape shape_of(const Tensor<T>& t) {
    return Shape(t.shape().begin(), t.shape().end());
}

/// @brief A shape written the way the book prints it: "(64, 1, 28, 28)".
/// @param shape any shape
/// @return the text
std::string shape_string(const Shape& shape);

}  // namespace dl

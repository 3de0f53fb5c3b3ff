/// @file tensor_loops.hpp
/// @brief Copying and adding whole tensors, shared between the threads.
///
/// `y = x` and `y += x` in xtensor run on one thread. On a (128, 16, 28, 28) batch each is a
/// 6 MB pass over memory, about a millisecond, while the other core waits; a ResNet-20 step
/// made a few per residual block. These two loops split the work between the threads.
#pragma once

#include "dl/tensor.hpp"

namespace dl {

/// Makes @p to a copy of @p from. When @p to already has @p from's shape (a layer keeping
/// its input for backward, step after step), its memory is reused rather than allocated anew.
/// @param to any tensor; takes @p from's shape and values
/// @param from any shape
template <class T>
void copy_into(Tensor<T>& to, const Tensor<T>& from);

/// Adds @p x into @p y element by element.
/// @param y any shape, updated in place
/// @param x the same number of elements as @p y
template <class T>
void add_into(Tensor<T>& y, const Tensor<T>& x);

}  // namespace dl

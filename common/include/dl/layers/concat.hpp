/// @file concat.hpp
/// @brief Joining two feature maps along the channel axis, and splitting the gradient back.
#pragma once

#include "dl/tensor.hpp"

#include <utility>

namespace dl {

/// Stacks @p a (N, Ca, H, W) and @p b (N, Cb, H, W) into (N, Ca + Cb, H, W): a's channels
/// first. This is how a U-Net hands the encoder's fine detail to the decoder.
/// @param a (N, Ca, H, W)
/// @param b (N, Cb, H, W)
/// @return (N, Ca + Cb, H, W)
template <class T>
Tensor<T> concat_channels(const Tensor<T>& a, const Tensor<T>& b);

/// The backward pass of concat_channels(): a concatenation does not mix values, so its
/// gradient @p dy (N, Ca + Cb, H, W) is simply cut in two, (N, Ca, H, W) for a and
/// (N, Cb, H, W) for b, each going back down its own path.
/// @param dy (N, Ca + Cb, H, W)
/// @param channels_a Ca, the channels that came from a
/// @return the gradients for a (N, Ca, H, W) and for b (N, Cb, H, W), in that order
template <class T>
std::pair<Tensor<T>, Tensor<T>> split_channels(const Tensor<T>& dy, std::size_t channels_a);

}  // namespace dl

/// @file init.hpp
/// @brief Weight initializers: how a layer's parameters start out.
#pragma once

#include "dl/tensor.hpp"
#include "dl/util/random.hpp"

#include <map>
#include <string>

namespace dl {

/// The initialization schemes the book compares in chapter 1.
enum class Init {
    zeros,    ///< Every weight 0: all units of a layer stay identical forever.
    uniform,  ///< U(-0.05, 0.05), the same small range whatever the layer's width.
    xavier,   ///< Glorot & Bengio (2010): U(-a, a), a = sqrt(6 / (fan_in + fan_out)).
    he,       ///< He et al. (2015): N(0, 2 / fan_in), made for ReLU networks.
};

/// @brief Parses "zeros", "uniform", "xavier" or "he"; throws std::invalid_argument otherwise.
/// @param name the initializer's name, e.g. from a command-line flag
/// @return the initializer it names
Init parse_init(const std::string& name);

/// @brief Every initializer by the name parse_init() accepts, for a command-line flag
/// (CLI11's CheckedTransformer turns the name into the value once, as the flag is read).
/// @return the names and their initializers
const std::map<std::string, Init>& init_names();

/// @brief The name parse_init() accepts for @p init.
/// @param init an initializer
/// @return its name, e.g. "he"
std::string init_name(Init init);

/// Fills @p weights, of any shape — (out, in) for Linear, (F, C, K, K) for Conv2d —
/// according to @p init for a layer with the given fan-in and fan-out (for a convolution:
/// C·K·K and F·K·K).
/// @param weights the tensor to fill, in place
/// @param init the scheme
/// @param fan_in inputs that each output unit sums over
/// @param fan_out outputs that each input unit feeds
/// @param rng the random source
template <class T>
void initialize(Tensor<T>& weights, Init init, std::size_t fan_in, std::size_t fan_out, Rng& rng);

}  // namespace dl

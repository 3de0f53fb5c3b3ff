/// @file dropout.hpp
/// @brief Dropout (Srivastava et al., 2014), in its "inverted" form.
#pragma once

#include "dl/layers/layer.hpp"
#include "dl/util/random.hpp"

#include <cstdint>

namespace dl {

/// In training, zeroes each value with probability p and scales the survivors by 1/(1 − p),
/// so the expected output equals the input; in evaluation it is the identity. Backward
/// applies the same mask and scale to the gradient. The masks come from a seeded Rng.
template <class T>
class Dropout : public Layer<T> {
public:
    /// @param p probability of dropping each value, in [0, 1)
    /// @param seed for the masks; give each Dropout layer its own, or they drop the same places
    Dropout(double p, std::uint64_t seed);

    Tensor<T> forward(const Tensor<T>& x) override;
    Tensor<T> backward(const Tensor<T>& dy) override;
    std::string name() const override;

private:
    double p_;
    Rng rng_;
    Tensor<T> mask_;  // the input's shape: 0 or 1/(1 − p), or empty in evaluation
};

}  // namespace dl

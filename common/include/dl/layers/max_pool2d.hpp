/// @file max_pool2d.hpp
/// @brief Max pooling: each output is the largest value in its window.
#pragma once

#include "dl/layers/pool2d.hpp"

#include <vector>

namespace dl {

/// y[n][c][oh][ow] = max over the K×K window at (oh·s − p, ow·s − p); padding never wins.
/// Forward remembers where each maximum was, and backward sends each output's gradient
/// to that one input (ties go to the first maximum in row-major order).
template <class T>
class MaxPool2d : public Pool2d<T> {
public:
    /// @param kernel K: the window is K×K
    /// @param stride 0 means stride = kernel (non-overlapping windows).
    /// @param padding rows and columns added on every side, at most K/2
    explicit MaxPool2d(int kernel, int stride = 0, int padding = 0);
    Tensor<T> forward(const Tensor<T>& x) override;
    Tensor<T> backward(const Tensor<T>& dy) override;

    /// 2×2 windows with stride 2 and no padding take a fast path (the same results); with
    /// @p on, every window goes through the general loop instead, which the tests and the
    /// benchmark compare the fast path against.
    /// @param on true: always use the general loop
    void use_general_loop(bool on) { general_loop_ = on; }

private:
    bool general_loop_ = false;
    std::vector<std::size_t> argmax_; // (N·C·OH·OW) flat input index of each maximum
};

}  // namespace dl

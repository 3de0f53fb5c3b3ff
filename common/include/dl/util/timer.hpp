/// @file timer.hpp
/// @brief Wall-clock seconds since a start point.
#pragma once

#include <chrono>

namespace dl {

/// Measures elapsed wall-clock time.
class Timer {
public:
    Timer() : start_(std::chrono::steady_clock::now()) {}
    /// @brief Seconds since construction or the last reset().
    /// @return the elapsed seconds
    double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }
    /// Starts counting again from now.
    void reset() { start_ = std::chrono::steady_clock::now(); }

private:
    std::chrono::steady_clock::time_point start_;
};

}  // namespace dl

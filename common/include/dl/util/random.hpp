/// @file random.hpp
/// @brief The seeded random source behind every random choice in the library.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace dl {

/// A seeded random number generator. The same seed (and the same thread count) gives
/// the same run, so every experiment in the book can be repeated exactly.
class Rng {
public:
    /// Starts the sequence determined by @p seed.
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    /// A number drawn uniformly from [lo, hi).
    double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(engine_); }

    /// A number drawn from the normal distribution N(mean, stddev²).
    double normal(double mean, double stddev) { return std::normal_distribution<double>(mean, stddev)(engine_); }

    /// An integer drawn uniformly from [0, n).
    std::size_t index(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(engine_); }

    /// A number drawn from the Beta(a, b) distribution on [0, 1] (mixup's mixing weights),
    /// as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
    double beta(double a, double b) {
        const double x = std::gamma_distribution<double>(a, 1.0)(engine_);
        const double y = std::gamma_distribution<double>(b, 1.0)(engine_);
        return x + y > 0 ? x / (x + y) : 0.5;
    }

    /// The numbers 0..n-1 in a random order.
    std::vector<std::size_t> permutation(std::size_t n);

private:
    std::mt19937_64 engine_;
};

}  // namespace dl

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
    /// @brief Starts the sequence determined by @p seed.
    /// @param seed any number
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    /// @brief A number drawn uniformly from [lo, hi).
    /// @param lo the lower end, included
    /// @param hi the upper end, excluded
    /// @return the number
    double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(engine_); }

    /// @brief A number drawn from the normal distribution N(mean, stddev²).
    /// @param mean the distribution's mean
    /// @param stddev its standard deviation
    /// @return the number
    double normal(double mean, double stddev) { return std::normal_distribution<double>(mean, stddev)(engine_); }

    /// @brief An integer drawn uniformly from [0, n).
    /// @param n the number of choices, at least 1
    /// @return the integer
    std::size_t index(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(engine_); }

    /// A number drawn from the Beta(a, b) distribution on [0, 1] (mixup's mixing weights),
    /// as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
    /// @param a the first shape parameter, above 0
    /// @param b the second shape parameter, above 0
    /// @return the number
    double beta(double a, double b) {
        const double x = std::gamma_distribution<double>(a, 1.0)(engine_);
        const double y = std::gamma_distribution<double>(b, 1.0)(engine_);
        return x + y > 0 ? x / (x + y) : 0.5;
    }

    /// @brief The numbers 0..n-1 in a random order.
    /// @param n how many numbers
    /// @return the permutation
    std::vector<std::size_t> permutation(std::size_t n);

private:
    std::mt19937_64 engine_;
};

}  // namespace dl

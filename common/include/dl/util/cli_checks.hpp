/// @file cli_checks.hpp
/// @brief Checks for command-line values that name the flag and say what was wrong.
///
/// CLI11's own `Range` lets NaN through (every comparison with NaN is false), reads "-1"
/// into an unsigned option as 18446744073709551615, and calls "abc" a value "not in range".
/// These validators see the text as typed, before any conversion; CLI11 puts the flag's name
/// in front of their message (`--epochs: 'abc' is not a whole number`).
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>

namespace dl {

/// @brief A whole number (digits only: no sign, point or exponent) from @p min to @p max.
/// @param min the smallest value allowed
/// @param max the largest value allowed
/// @return the validator
CLI::Validator whole_number(std::uint64_t min, std::uint64_t max);

/// @brief A finite decimal number (not NaN, not infinite) from @p min to @p max.
/// @param min the smallest value allowed
/// @param max the largest value allowed
/// @return the validator
CLI::Validator real_number(double min, double max);

/// @brief Any text but the empty one (an empty --data or --out would silently mean the default).
/// @return the validator
CLI::Validator non_empty();

/// A path to an existing regular file (not a folder), or the text @p except (for example
/// "none"), if given.
/// @param except a text accepted as it is, or "" for none
/// @return the validator
CLI::Validator existing_file(const std::string& except = "");

}  // namespace dl

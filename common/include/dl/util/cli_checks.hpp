/// @file cli_checks.hpp
/// @brief Checks for command-line values that name the flag and say what was wrong.
///
/// CLI11's own `Range` lets NaN through (every comparison with NaN is false), reads "-1"
/// into an unsigned option as 18446744073709551615, and calls "abc" a value "not in range".
/// These validators see the text as typed, before any conversion; CLI11 puts the flag's name
/// in front of their message (`--epochs: 'abc' is not a whole number`).
#pragma once

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

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

/// @brief One of the names of @p choices, turned into its value as the flag is read: an
/// enum setting is parsed once, at the edge of the program, and the code behind it never
/// sees the text. Anything else is refused with the names, in the enum's order
/// (`--init: 'foo' is not one of zeros, uniform, xavier, he`). Use with `->transform()`.
/// @param choices each accepted name and its value
/// @return the validator
template <class Enum>
CLI::Validator one_of(const std::map<std::string, Enum>& choices) {
    std::vector<std::pair<Enum, std::string>> by_value;
    for (const auto& [name, value] : choices) by_value.emplace_back(value, name);
    std::sort(by_value.begin(), by_value.end());
    std::string names;
    for (const auto& entry : by_value) names += (names.empty() ? "" : ", ") + entry.second;
    return CLI::Validator(
        [choices, names](std::string& text) -> std::string {
            const auto found = choices.find(text);
            if (found == choices.end()) return "'" + text + "' is not one of " + names;
            text = std::to_string(static_cast<long long>(found->second));  // what CLI11 reads into the enum
            return "";
        },
        names);
}

}  // namespace dl

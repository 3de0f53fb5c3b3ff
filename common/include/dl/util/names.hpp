/// @file names.hpp
/// @brief The names of an enum's values, kept in one map per enum: the flag values a
/// program reads (dl::one_of()) and the words it writes into results.
#pragma once

#include <map>
#include <string>

namespace dl {

/// @brief The name @p value has in @p names.
/// @param names each name and its value, such as init_names()
/// @param value the value
/// @return its name, or "?" for a value the map does not name
template <class Enum>
std::string name_of(const std::map<std::string, Enum>& names, Enum value) {
    for (const auto& [name, named] : names)
        if (named == value) return name;
    return "?";
}

}  // namespace dl

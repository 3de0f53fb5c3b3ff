/// @file catch_compat.hpp
/// @brief Catch2 for the book's tests, whichever major version the system has.
///
/// Debian 12 ships Catch2 2.13 (one header, `catch2/catch.hpp`); Debian 13 ships Catch2 3
/// (a header per part, `Approx` inside namespace `Catch`, string matchers renamed). This
/// file and the lines of tests/CMakeLists.txt that define `BOOK_CATCH2_MAJOR` are the only
/// places that know the difference (with the listing command in tests/exercises/scoreboard.sh):
/// every test includes this header instead of Catch's own.
#pragma once

#include <string>

#if !defined(BOOK_CATCH2_MAJOR)
#error "BOOK_CATCH2_MAJOR is not defined: tests/CMakeLists.txt sets it from the Catch2 that CMake found"
#elif BOOK_CATCH2_MAJOR >= 3
#include <catch2/catch_approx.hpp>
#include <catch2/catch_template_test_macros.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
using Catch::Approx;
#else
#include <catch2/catch.hpp>
#endif

namespace dltest {

/// A matcher for a string, such as an exception's message, that contains @p part:
/// `CHECK_THROWS_WITH(load("x"), dltest::contains("no such file"))`.
inline auto contains(const std::string& part) {
#if BOOK_CATCH2_MAJOR >= 3
    return Catch::Matchers::ContainsSubstring(part);
#else
    return Catch::Matchers::Contains(part);
#endif
}

}  // namespace dltest

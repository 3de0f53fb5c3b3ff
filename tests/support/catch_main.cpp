// Catch2 2's main(), compiled once for every test executable (tests/CMakeLists.txt compiles
// this file only for Catch2 2; Catch2 3 links its own Catch2::Catch2WithMain).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

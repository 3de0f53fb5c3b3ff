// Five "exercises" with the outcomes the scoreboard must tell apart: a pass, an unwritten
// stub, a crash, an endless loop and an answer off by a constant factor.
// tests/exercises/scoreboard_selftest.sh runs the scoreboard on them.
#include "dl/exercise.hpp"

#include "../support/require_close.hpp"

#include "../support/catch_compat.hpp"

#include <cstdint>

TEST_CASE("Exercise 9.1: an answer that passes", "[ex99]") { dltest::require_close(dltest::random_normal({2, 2}, 1), dltest::random_normal({2, 2}, 1), "y"); }

TEST_CASE("Exercise 9.2: an answer not written yet", "[ex99]") {
    dl::exercise_not_written("9.2", "not written", "tests/exercises/scoreboard_selftest.cpp, section 'none'");
}

// Under ./book test --sanitize, UBSan would catch the store before it happens and exit
// with a report instead of a signal; this function stays uninstrumented so that the
// scoreboard sees the same segmentation fault a reader's build produces.
__attribute__((no_sanitize("undefined"))) static void write_one_through(volatile int* pointer) { *pointer = 1; }

TEST_CASE("Exercise 9.3: an answer that writes through a null pointer", "[ex99]") {
    volatile std::uintptr_t zero = 0;  // the compiler cannot see that the pointer is null
    write_one_through(reinterpret_cast<volatile int*>(zero));
}

TEST_CASE("Exercise 9.4: an answer that never ends", "[ex99]") {
    volatile bool forever = true;
    while (forever) {
    }
}

TEST_CASE("Exercise 9.5: an answer that forgot to divide by the batch size", "[ex99]") {
    const dltest::Tensor<double> expected = dltest::random_normal({4, 3}, 2);
    dltest::require_close(expected * 64.0, expected, "dW");
}

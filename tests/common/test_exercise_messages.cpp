// The messages a reader gets from a wrong exercise answer: one line with the count of wrong
// values, the first one's multi-dimensional index, and a hint for the common mistakes.
#include "../support/require_close.hpp"

#include "../support/catch_compat.hpp"

#include <cmath>

using dltest::describe_difference;
using dltest::Tensor;

TEST_CASE("exercise messages: where, how many, and the common mistakes named", "[exercise_messages]") {
    const Tensor<double> expected = dltest::random_normal({2, 3, 4}, 1);
    CHECK(describe_difference(expected, expected, "dx").empty());

    Tensor<double> one_wrong = expected;
    one_wrong(1, 2, 3) += 1.0;
    CHECK_THAT(describe_difference(one_wrong, expected, "dx"), dltest::contains("dx: 1 of 24 values is wrong; at [1, 2, 3] yours is"));

    CHECK_THAT(describe_difference(expected * 64.0, expected, "dW"),
               dltest::contains("your answer is 64 times the expected one everywhere (a division missing: by the batch size"));
    CHECK_THAT(describe_difference(expected / 8.0, expected, "dW"), dltest::contains("your answer is 1/8 times the expected one everywhere (a division too many"));
    CHECK_THAT(describe_difference(-expected, expected, "dW"), dltest::contains("24 of 24 values are wrong; at [0, 0, 0]"));
    CHECK_THAT(describe_difference(-expected, expected, "dW"), dltest::contains("the opposite sign everywhere"));
    CHECK_THAT(describe_difference(Tensor<double>(xt::zeros<double>({2, 3, 4})), expected, "y"), dltest::contains("all zeros"));
    Tensor<double> with_nan = expected;
    with_nan(0, 1, 2) = std::nan("");
    CHECK_THAT(describe_difference(with_nan, expected, "y"), dltest::contains("1 of 24 values is wrong; at [0, 1, 2] yours is nan"));
    CHECK_THAT(describe_difference(with_nan, expected, "y"), dltest::contains("has NaN in it"));

    const Tensor<double> square = dltest::random_normal({3, 3}, 2);
    CHECK_THAT(describe_difference(Tensor<double>(xt::transpose(square)), square, "W"), dltest::contains("the transpose of the expected one"));
    CHECK_THAT(describe_difference(dltest::random_normal({4, 3}, 3), dltest::random_normal({3, 4}, 3), "col"),
               dltest::contains("col: your result has shape (4, 3), expected (3, 4) (transposed?)"));
    // A wrong answer with no pattern gets no hint, rather than a wrong one.
    CHECK_THAT(describe_difference(dltest::random_normal({2, 3, 4}, 9), expected, "dx"), !dltest::contains("times the expected"));
}

TEST_CASE("exercise messages: an answer equal to a known mistake is told what that mistake is", "[exercise_messages]") {
    const Tensor<double> expected = dltest::random_normal({3, 4}, 2), mistaken = dltest::random_normal({3, 4}, 3);
    const std::vector<dltest::KnownMistake> known = {{mistaken, "mu and sigma are taken as constants"}};
    CHECK_THAT(describe_difference(mistaken, expected, "dx", 1e-6, known), dltest::contains("that is what you get if mu and sigma are taken as constants"));
    // Another wrong answer is not blamed on it, and a right one is not wrong at all.
    CHECK_THAT(describe_difference(mistaken + 1.0, expected, "dx", 1e-6, known), !dltest::contains("that is what you get if"));
    CHECK(describe_difference(expected, expected, "dx", 1e-6, known).empty());
}

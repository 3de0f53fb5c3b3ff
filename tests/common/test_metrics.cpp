// Accuracy, argmax and the confusion matrix on small hand-made cases.
#include "dl/metrics/accuracy.hpp"
#include "dl/metrics/confusion_matrix.hpp"

#include "../support/catch_compat.hpp"

TEST_CASE("argmax_rows and accuracy", "[metrics]") {
    const dl::Tensor<float> scores = {{0.1f, 0.9f, 0.0f}, {2.0f, 1.0f, 3.0f}, {5.0f, -1.0f, 0.0f}};
    CHECK(dl::argmax_rows(scores) == std::vector<int>{1, 2, 0});
    CHECK(dl::accuracy({1, 2, 0}, {1, 1, 0}) == Approx(2.0 / 3.0));
    CHECK_THROWS(dl::accuracy({1}, {1, 2}));
}

TEST_CASE("confusion matrix counts (truth - prediction) pairs", "[metrics]") {
    dl::ConfusionMatrix cm(3);
    cm.add({0, 1, 1, 2, 0}, {0, 1, 2, 2, 1});
    CHECK(cm.count(0, 0) == 1);
    CHECK(cm.count(2, 1) == 1);
    CHECK(cm.count(1, 0) == 1);
    CHECK(cm.accuracy() == Approx(0.6));
    CHECK(cm.recall(2) == Approx(0.5));
    const std::string table = cm.to_string({"a", "b", "c"});
    // The row of class c: truth 2 was predicted 0, 1 and 1 times as 0, 1, 2; recall 0.5.
    // Layout: index in 2 columns, name in 14, each count in 6, then the recall.
    CHECK(table.find(" 2 c             " "     0" "     1" "     1" "  0.500") != std::string::npos);
    CHECK_THROWS(cm.add({3}, {0}));
}

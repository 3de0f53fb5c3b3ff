// MaxPool2d, AvgPool2d and GlobalAvgPool2d: hand-worked values, then gradient checks.
#include "dl/layers/avg_pool2d.hpp"
#include "dl/layers/global_avg_pool2d.hpp"
#include "dl/layers/max_pool2d.hpp"
#include "dl/util/random.hpp"

#include <cmath>
#include <limits>

#include "../support/gradcheck.hpp"

#include "../support/catch_compat.hpp"

using dl::Tensor;

namespace {

Tensor<double> one_to_sixteen() {
    Tensor<double> x = Tensor<double>::from_shape({1, 1, 4, 4});
    for (std::size_t i = 0; i < 16; ++i) x.data()[i] = double(i + 1);
    return x;
}

// Distinct values at least 0.1 apart in random order: no ties for max pooling to break,
// and no finite-difference step (1e-6) can change which element is the maximum.
Tensor<double> without_ties(const dl::Shape& shape, unsigned seed) {
    Tensor<double> x = Tensor<double>::from_shape(shape);
    dl::Rng rng(seed);
    const auto order = rng.permutation(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) x.data()[i] = 0.1 * double(order[i]) - 0.05 * double(x.size());
    return x;
}

}  // namespace

TEST_CASE("MaxPool2d: 2x2 windows on a 4x4 image, worked by hand", "[pooling][ch02]") {
    dl::MaxPool2d<double> pool(2);
    CHECK((pool.forward(one_to_sixteen()) == Tensor<double>{{{{6, 8}, {14, 16}}}}));
    const Tensor<double> dx = pool.backward(Tensor<double>{{{{1, 2}, {3, 4}}}});
    // Each gradient lands on its window's maximum, the bottom-right pixel of each window.
    CHECK((dx == Tensor<double>{{{{0, 0, 0, 0}, {0, 1, 0, 2}, {0, 0, 0, 0}, {0, 3, 0, 4}}}}));
}

TEST_CASE("AvgPool2d and GlobalAvgPool2d worked by hand", "[pooling][ch02]") {
    dl::AvgPool2d<double> pool(2);
    CHECK((pool.forward(one_to_sixteen()) == Tensor<double>{{{{3.5, 5.5}, {11.5, 13.5}}}}));
    CHECK((pool.backward(Tensor<double>{{{{4, 0}, {0, 8}}}}) == Tensor<double>{{{{1, 1, 0, 0}, {1, 1, 0, 0}, {0, 0, 2, 2}, {0, 0, 2, 2}}}}));
    dl::GlobalAvgPool2d<double> gap;
    const Tensor<double> mean = gap.forward(one_to_sixteen());  // (1, 1)
    CHECK(dl::shape_of(mean) == dl::Shape{1, 1});
    CHECK(mean(0, 0) == 8.5);
    Tensor<double> dy = Tensor<double>::from_shape({1, 1});
    dy(0, 0) = 16.0;
    CHECK((gap.backward(dy) == xt::ones<double>({1, 1, 4, 4})));  // 16 / (4·4) each
}

TEST_CASE("pooling: gradients match finite differences", "[pooling][gradcheck][ch02]") {
    const Tensor<double> x = without_ties({2, 3, 7, 6}, 4);
    dl::MaxPool2d<double> max2(2), max3(3, 2, 1);
    dl::AvgPool2d<double> avg2(2), avg3(3, 2, 1);
    dl::GlobalAvgPool2d<double> gap;
    for (dl::Layer<double>* layer : std::initializer_list<dl::Layer<double>*>{&max2, &max3, &avg2, &avg3, &gap}) {
        const auto report = dltest::check_layer(*layer, x);
        INFO(layer->name() << ": " << report.where);
        CHECK(report.worst_error < 1e-7);
    }
}

TEST_CASE("pooling: padding never wins a max window", "[pooling][ch02]") {
    dl::MaxPool2d<double> pool(3, 1, 1);
    const Tensor<double> y = pool.forward(Tensor<double>{{{{-5.0, -6.0}, {-7.0, -8.0}}}});
    CHECK((y == Tensor<double>{{{{-5, -5}, {-5, -5}}}}));
}

TEST_CASE("pooling: an input smaller than the window is refused", "[pooling][ch02]") {
    dl::MaxPool2d<double> max_pool(3, 2);
    dl::AvgPool2d<double> avg_pool(3, 2);
    CHECK_THROWS_WITH(max_pool.forward(Tensor<double>::from_shape({1, 1, 2, 2})), dltest::contains("smaller than the window"));
    CHECK_THROWS_WITH(avg_pool.forward(Tensor<double>::from_shape({1, 1, 2, 2})), dltest::contains("smaller than the window"));
}

TEST_CASE("MaxPool2d: the 2x2 fast path matches the general loop", "[pooling][ch02]") {
    // Few distinct values, so windows have ties (the first maximum in row-major order must
    // win in both), plus NaN and -inf planted in some windows; odd sizes leave a last row
    // and column that no window covers.
    for (const dl::Shape& shape : {dl::Shape{2, 3, 28, 28}, dl::Shape{1, 2, 7, 6}, dl::Shape{3, 1, 5, 5}, dl::Shape{1, 1, 2, 2}, dl::Shape{2, 2, 9, 4}}) {
        Tensor<float> x = Tensor<float>::from_shape(shape);  // (N, C, H, W)
        dl::Rng rng(7);
        for (float& v : x) v = float(rng.index(4));
        for (std::size_t i = 0; i < x.size(); i += 7) x.data()[i] = std::nanf("");
        for (std::size_t i = 3; i < x.size(); i += 11) x.data()[i] = -std::numeric_limits<float>::infinity();
        dl::MaxPool2d<float> fast(2), general(2);
        general.use_general_loop(true);
        const Tensor<float> y_fast = fast.forward(x), y_general = general.forward(x);
        INFO("input " << dl::shape_string(shape));
        REQUIRE(y_fast.shape() == y_general.shape());
        for (std::size_t i = 0; i < y_fast.size(); ++i) {
            const float a = y_fast.data()[i], b = y_general.data()[i];
            CHECK((a == b || (std::isnan(a) && std::isnan(b))));
        }
        Tensor<float> dy = Tensor<float>::from_shape(y_fast.shape());  // (N, C, OH, OW)
        for (std::size_t i = 0; i < dy.size(); ++i) dy.data()[i] = float(i + 1);
        CHECK((fast.backward(dy) == general.backward(dy)));  // the same argmax, element by element
    }
}

// feature_stages: one stage per resolution, each the output of the last layer at that size,
// checked against the layers run one by one; and the sheet save_feature_maps() draws.
#include "dl/explain/feature_maps.hpp"
#include "dl/io/png.hpp"
#include "dl/layers/activations.hpp"
#include "dl/layers/conv2d.hpp"
#include "dl/layers/flatten.hpp"
#include "dl/layers/linear.hpp"
#include "dl/layers/max_pool2d.hpp"

#include "../support/catch_compat.hpp"
#include "../support/temp_dir.hpp"

#include <xtensor/xrandom.hpp>

TEST_CASE("feature maps: one stage per resolution, the last layer's output at each", "[explain]") {
    dl::Rng rng(11);
    dl::Sequential<float> model;
    model.add<dl::Conv2d<float>>(1, 2, 3, 1, 1, dl::Init::he, rng);  // 0: (1, 2, 6, 6)
    model.add<dl::ReLU<float>>();                                     // 1: (1, 2, 6, 6)  end of the first stage
    model.add<dl::MaxPool2d<float>>(2);                               // 2: (1, 2, 3, 3)
    model.add<dl::Conv2d<float>>(2, 3, 3, 1, 1, dl::Init::he, rng);   // 3: (1, 3, 3, 3)
    model.add<dl::ReLU<float>>();                                     // 4: (1, 3, 3, 3)  end of the second
    model.add<dl::Flatten<float>>();                                  // 5: (1, 27)       the search ends
    model.add<dl::Linear<float>>(27, 4, dl::Init::he, rng);
    model.eval();
    xt::random::seed(13);
    const dl::Tensor<float> x = xt::random::randn<float>({1, 1, 6, 6});  // (1, C, H, W)
    const std::vector<dl::FeatureStage> stages = dl::feature_stages(dl::layers_of(model), x);
    REQUIRE(stages.size() == 2);
    CHECK(stages[0].layer == 1);
    CHECK(stages[1].layer == 4);
    // The same outputs, running the layers one by one.
    dl::Tensor<float> h = x;
    for (std::size_t i = 0; i <= 4; ++i) {
        h = model[i].forward(h);
        if (i == 1) CHECK(stages[0].maps == h);
    }
    CHECK(stages[1].maps == h);
    CHECK(dl::shape_of(stages[1].maps) == dl::Shape{1, 3, 3, 3});
    CHECK_THROWS_WITH(dl::feature_stages(dl::layers_of(model), xt::zeros<float>({2, 1, 6, 6})), dltest::contains("one image"));

    // The sheet: the input's row and one row per stage, 4 columns of 56-pixel cells.
    dltest::TempDir dir("feature-maps");
    dl::save_feature_maps(dir.file("maps.png"), x, stages, 4);
    const dl::Image8 sheet = dl::read_png(dir.file("maps.png"));
    CHECK(sheet.width == 4 * (56 + 4) + 4);
    CHECK(sheet.height > 3 * 56);
}

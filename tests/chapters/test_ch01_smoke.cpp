// Smoke test: the chapter-1 MLP, trained on 1,000 real Fashion-MNIST images, learns far
// above chance (10%) within seconds.
#include "mlp.hpp"

#include "dl/io/checkpoint.hpp"
#include "dl/util/random.hpp"

#include "temp_dir.hpp"

#include "../support/catch_compat.hpp"

TEST_CASE("chapter 1: the MLP learns from 1000 images", "[ch01][smoke]") {
    ch01::Settings settings;
    settings.train_size = 1000;
    settings.val_size = 1000;
    settings.epochs = 5;
    settings.verbose = false;
    const ch01::Splits splits = ch01::load_splits(settings);
    REQUIRE(splits.train.size() == 1000);
    const ch01::Outcome outcome = ch01::train_mlp(settings, splits, false);
    INFO("first epoch loss " << outcome.history.front().train_loss << ", last " << outcome.history.back().train_loss);
    CHECK(outcome.history.back().train_loss < 0.6 * outcome.history.front().train_loss);
    CHECK(outcome.history.back().val_accuracy > 0.70);
}

TEST_CASE("chapter 1: zero initialization cannot learn (every hidden unit stays dead)", "[ch01][smoke]") {
    ch01::Settings settings;
    settings.train_size = 1000;
    settings.val_size = 1000;
    settings.epochs = 3;
    settings.init = dl::Init::zeros;
    settings.verbose = false;
    const ch01::Outcome outcome = ch01::train_mlp(settings, ch01::load_splits(settings), false);
    CHECK(outcome.history.back().val_accuracy < 0.2);
}

TEST_CASE("chapter 1: the same seed gives the same run and the checkpoint reloads", "[ch01][smoke]") {
    ch01::Settings settings;
    settings.train_size = 500;
    settings.val_size = 500;
    settings.epochs = 2;
    settings.verbose = false;
    const ch01::Splits splits = ch01::load_splits(settings);
    dltest::TempDir dir("ch01-ckpt");
    const ch01::Outcome first = ch01::train_mlp(settings, splits, false, dir.file("a.ckpt"));
    const ch01::Outcome second = ch01::train_mlp(settings, splits, false);
    CHECK(first.history.back().train_loss == second.history.back().train_loss);
    CHECK(first.history.back().val_loss == second.history.back().val_loss);
    settings.seed = 2;
    const ch01::Outcome other = ch01::train_mlp(settings, splits, false);
    CHECK(other.history.back().train_loss != first.history.back().train_loss);

    // The saved weights reproduce the validation loss; another architecture is refused.
    dl::Rng rng(99);
    dl::Sequential<float> model = ch01::build_mlp(settings.hidden, dl::Init::he, rng);
    dl::load_checkpoint(dir.file("a.ckpt"), model, ch01::architecture_name(settings.hidden));
    CHECK(dl::evaluate(model, splits.validation).loss == Approx(first.history.back().val_loss).epsilon(1e-6));
    dl::Sequential<float> wider = ch01::build_mlp({512, 128}, dl::Init::he, rng);
    CHECK_THROWS_WITH(dl::load_checkpoint(dir.file("a.ckpt"), wider, ch01::architecture_name({512, 128})), dltest::contains("mlp-784-256-128-10"));
}

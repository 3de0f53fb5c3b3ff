// Chapter 4 — what the main run and --evaluate show and keep: the plan, the curves, the
// confusion heat map, the feature maps, the checkpoint and the results.
#include "predict.hpp"
#include "resnet.hpp"

#include "dl/explain/feature_maps.hpp"
#include "dl/io/checkpoint.hpp"
#include "dl/train/confusion_report.hpp"
#include "dl/train/fit.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/table.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

namespace ch04 {

namespace {

/// What each stage of @p model computes for the first test image, drawn into @p png_path.
void save_stage_maps(dl::Sequential<float>& model, const dl::ImageDataset& test, const std::string& png_path) {
    const dl::Tensor<float> first = dl::select(test, {0}).images;  // (1, 1, 28, 28)
    model.eval();
    dl::save_feature_maps(png_path, first, dl::feature_stages(dl::layers_of(model), first));
    std::cout << "What each stage computes for the first test image: " << png_path << "\n";
}

}  // namespace

void print_plan(const Settings& s, const dl::DataSplits& splits, dl::Sequential<float>& model) {
    std::cout << "Chapter 4: " << describe(s.architecture) << " on " << splits.train.size() << " training images; " << s.optimizer << " lr " << s.lr
              << " (" << s.decay << "), augmentation " << s.augment << ", " << dl::counted(s.epochs, "epoch") << "\n"
              << model.summary();
}

void report_main_run(const Settings& s, const dl::DataSplits& splits, dl::Sequential<float>& model, const dl::TrainingOutcome& outcome) {
    dl::report_confusion(outcome.test.predictions, splits.test.labels, splits.test.class_names, dl::RunDirectory(s.out_dir).file("confusion.png"),
                         "Chapter 4 " + describe(s.architecture) + ": test images");

    dl::save_history(s.out_dir, outcome.history, "history", "Chapter 4 " + describe(s.architecture));
    const dl::RunDirectory run(s.out_dir);
    save_stage_maps(model, splits.test, run.file("feature_maps.png"));
    dl::save_checkpoint(run.file("model.ckpt"), model, architecture_tag(s.architecture));
    const Architecture& a = s.architecture;
    const nlohmann::json results = {{"chapter", "04_resnet"},
                                    {"test_accuracy", outcome.test.accuracy},
                                    {"test_loss", outcome.test.loss},
                                    {"epochs", s.epochs},
                                    {"seconds", outcome.seconds},
                                    {"parameters", dl::parameter_count(model)},
                                    {"architecture", architecture_tag(a)},
                                    {"depth", a.depth()},
                                    {"residual", a.residual},
                                    {"width", a.width},
                                    {"stochastic_depth", a.stochastic_depth},
                                    {"augment", s.augment},
                                    {"mixup", s.mixup},
                                    {"label_smoothing", s.label_smoothing},
                                    {"optimizer", s.optimizer},
                                    {"lr", s.lr},
                                    {"decay", s.decay},
                                    {"weight_decay", s.weight_decay},
                                    {"batch_size", s.batch_size},
                                    {"seed", s.seed},
                                    {"threads", s.threads},
                                    {"val_size", s.val_size},
                                    {"train_size", s.train_size},
                                    {"train_images", splits.train.size()},
                                    {"final_val_accuracy", outcome.history.back().val_accuracy}};
    run.write("results.json", results.dump(2) + "\n");
    std::cout << "\nresults.json, history.csv, loss.png, accuracy.png, confusion.png, feature_maps.png and model.ckpt (architecture '"
              << architecture_tag(a) << "') in " << s.out_dir << "/  (" << dl::fixed(outcome.seconds, 1) << " s)\n";
    std::cout << "test accuracy: " << dl::fixed(outcome.test.accuracy, 4) << "\n";
}

/// Loads a trained checkpoint into the network the flags describe and tests it; the
/// confusion matrix's heat map goes into @p out_dir.
void run_evaluate(const Settings& s, const std::string& out_dir) {
    dl::Rng rng(s.seed);
    dl::Sequential<float> model = build_resnet(s.architecture, rng);
    dl::load_checkpoint(s.evaluate, model, architecture_tag(s.architecture));  // refuses another architecture
    std::cout << "Chapter 4: " << describe(s.architecture) << " loaded from " << s.evaluate << "\n";
    // The split and normalization of the training run, which used the same flags.
    const dl::DataSplits splits = dl::load_fashion_mnist_splits(s.data_dir, s.val_size, s.train_size, s.seed);
    const dl::Evaluation test = dl::evaluate(model, splits.test);
    dl::report_confusion(test.predictions, splits.test.labels, splits.test.class_names, dl::RunDirectory(out_dir).file("confusion.png"),
                         "Chapter 4 " + describe(s.architecture) + " (" + std::filesystem::path(s.evaluate).filename().string() + "): test images");
    save_stage_maps(model, splits.test, dl::RunDirectory(out_dir).file("feature_maps.png"));
    save_explained_test_images(model, splits.test, test.predictions, dl::RunDirectory(out_dir).file("explained.png"));
    std::cout << "Where it looks on shirts, T-shirts and pullovers it gets right and wrong: " << out_dir << "/explained.png\n";
    std::cout << "test loss: " << dl::fixed(test.loss, 4) << "\ntest accuracy: " << dl::fixed(test.accuracy, 4) << "\n";
}

}  // namespace ch04

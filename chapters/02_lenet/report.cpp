// Chapter 2 — what the main run shows and keeps: the plan, the curves, the filters, the
// mistakes, the feature maps, the checkpoint and the results.
#include "lenet.hpp"

#include "dl/explain/feature_maps.hpp"
#include "dl/io/checkpoint.hpp"
#include "dl/io/image_grid.hpp"
#include "dl/train/confusion_report.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/table.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace ch02 {

namespace {

// Short upper-case names that fit under a 28-pixel image in the grid's font.
const char* kShortNames[10] = {"T-SHIRT", "TROUSER", "PULLOVER", "DRESS", "COAT", "SANDAL", "SHIRT", "SNEAKER", "BAG", "BOOT"};

/// The first convolution's filters (6, 1, 5, 5), one per cell, black = most negative weight.
void save_filters(LeNet5& model, const std::string& path) {
    const dl::Tensor<float>& w = model.conv1().weight().value;  // (6, 1, 5, 5)
    dl::ImageGrid grid(1, int(w.shape(0)), 100);
    for (std::size_t f = 0; f < w.shape(0); ++f) grid.place(int(f), w.data() + f * 25, 5, 5);
    grid.write(path);
}

/// Up to 32 misclassified test images, captioned with their true (T) and predicted (P) class.
void save_misclassified(const dl::ImageDataset& test, const std::vector<int>& predicted, const std::string& path) {
    dl::ImageGrid grid(4, 8, 84, 2);
    int shown = 0;
    for (std::size_t i = 0; i < test.size() && shown < 32; ++i) {
        if (predicted[i] == test.labels[i]) continue;
        const std::string caption = std::string("T:") + kShortNames[test.labels[i]] + "\nP:" + kShortNames[predicted[i]];
        grid.place(shown++, test.images.data() + i * 28 * 28, 28, 28, caption);
    }
    grid.write(path);
}

}  // namespace

void print_reader_code_in_use(const std::vector<std::string>& in_use) {
    std::cout << "Your exercise answers at work (chapters/02_lenet/exercises/):\n";
    for (const std::string& line : in_use) std::cout << "  " << line << "\n";
    std::cout << "The rest is the library's. Your answers work in double precision, one image at a time: slower than the library.\n\n";
}

void print_plan(const Settings& s, const dl::DataSplits& splits, LeNet5& model) {
    std::cout << "Chapter 2: LeNet-5 (" << (s.classic ? "1998 form: tanh, average pooling" : "modern form: ReLU, max pooling") << ", " << s.conv
              << " convolution) on " << splits.train.size() << " training images, " << s.optimizer << " lr " << s.lr << ", "
              << dl::counted(s.epochs, "epoch") << "\n"
              << model.summary();
}

void report_main_run(const Settings& s, const dl::DataSplits& splits, LeNet5& model, const Outcome& outcome) {
    dl::report_confusion(outcome.test.predictions, splits.test.labels, splits.test.class_names, dl::RunDirectory(s.out_dir).file("confusion.png"),
                         std::string("Chapter 2 LeNet-5") + (s.classic ? " (1998)" : "") + ": test images");

    dl::save_history(s.out_dir, outcome.history, "history", std::string("Chapter 2 LeNet-5") + (s.classic ? " (1998)" : ""));
    const dl::RunDirectory run(s.out_dir);
    save_filters(model, run.file("filters.png"));
    save_misclassified(splits.test, outcome.test.predictions, run.file("misclassified.png"));
    const dl::Tensor<float> first = dl::select(splits.test, {0}).images;  // (1, 1, 28, 28): the first test image
    model.eval();
    dl::save_feature_maps(run.file("feature_maps.png"), first, dl::feature_stages(dl::layers_of(model), first));
    dl::save_checkpoint(run.file("model.ckpt"), model, architecture_tag(s.classic));
    const nlohmann::json results = {{"chapter", "02_lenet"},
                                    {"test_accuracy", outcome.test.accuracy},
                                    {"test_loss", outcome.test.loss},
                                    {"epochs", s.epochs},
                                    {"seconds", outcome.seconds},
                                    {"parameters", dl::parameter_count(model)},
                                    {"classic", s.classic},
                                    {"conv", s.conv},
                                    {"mine", s.mine},
                                    {"optimizer", s.optimizer},
                                    {"lr", s.lr},
                                    {"decay", s.decay},
                                    {"batch_size", s.batch_size},
                                    {"seed", s.seed},
                                    {"threads", s.threads},
                                    {"train_images", splits.train.size()},
                                    {"final_val_accuracy", outcome.history.back().val_accuracy}};
    run.write("results.json", results.dump(2) + "\n");
    std::cout
        << "\nresults.json, history.csv, loss.png, accuracy.png, confusion.png, filters.png, misclassified.png, feature_maps.png (what each stage computes for the first test image) and model.ckpt in "
        << s.out_dir << "/  (" << dl::fixed(outcome.seconds, 1) << " s)\n";
    std::cout << "test accuracy: " << dl::fixed(outcome.test.accuracy, 4) << "\n";
}

}  // namespace ch02

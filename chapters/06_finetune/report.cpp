// Chapter 6 — what the main run shows and keeps: the plan, example digits, the test
// report, the curves, the checkpoint and the results.
#include "finetune.hpp"

#include "dl/io/checkpoint.hpp"
#include "dl/io/image_grid.hpp"
#include "dl/train/confusion_report.hpp"
#include "dl/train/fit.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/names.hpp"
#include "dl/util/table.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>

namespace ch06 {

namespace {

/// Confusion matrix (printed, and drawn into @p png_path) and per-class precision, recall, F1 on the test set.
void print_test_report(const std::vector<int>& predictions, const dl::ImageDataset& test, const std::string& png_path, const std::string& title) {
    const dl::ConfusionMatrix confusion = dl::report_confusion(predictions, test.labels, test.class_names, png_path, title);
    dl::Table table({"class", "precision", "recall", "F1"});
    for (std::size_t c = 0; c < test.class_names.size(); ++c) {
        table.add_row({test.class_names[c], dl::fixed(confusion.precision(int(c)), 4), dl::fixed(confusion.recall(int(c)), 4),
                       dl::fixed(confusion.f_beta(int(c), 1.0), 4)});
    }
    table.print(std::cout);
}

/// The first @p per_class training images of each of the first ten classes, one column per
/// class, captioned with the class's index: what the network is asked to learn.
void save_examples(const dl::ImageDataset& train, const std::string& path, int per_class = 3) {
    const int classes = int(std::min<std::size_t>(10, train.class_names.size()));
    dl::ImageGrid grid(per_class, classes, 56, 1);
    std::vector<int> placed(std::size_t(classes), 0);
    for (std::size_t i = 0; i < train.size(); ++i) {
        const int c = train.labels[i];
        if (c >= classes || placed[std::size_t(c)] >= per_class) continue;
        grid.place(placed[std::size_t(c)]++ * classes + c, train.images.data() + i * 784, 28, 28, std::to_string(c));  // (28, 28)
    }
    grid.write(path);
}

}  // namespace

void print_plan(const Settings& s, const dl::DataSplits& splits, FinetuneNet& model) {
    const std::size_t classes = splits.train.class_names.size();
    std::cout << "Chapter 6: ResNet-20 body (" << (s.method == Method::scratch ? "random weights" : "pretrained on Fashion-MNIST")
              << ") + new head for " << classes << " classes; method " << method_name(s.method) << "; " << splits.train.size() << " training images, "
              << splits.validation.size() << " validation, " << splits.test.size() << " test\n"
              << "  body: " << dl::parameter_count(model.body()) << " parameters, head: " << dl::parameter_count(model.head()) << "\n"
              << "head:\n"
              << model.head().summary();
    save_examples(splits.train, dl::RunDirectory(s.out_dir).file("examples.png"));
}

void report_main_run(const Settings& s, const dl::DataSplits& splits, FinetuneNet& model, const FinetuneOutcome& outcome) {
    const std::size_t classes = splits.train.class_names.size();
    print_test_report(outcome.test.predictions, splits.test, dl::RunDirectory(s.out_dir).file("confusion.png"),
                      "Chapter 6: " + method_name(s.method) + ", test images");

    dl::save_history(s.out_dir, outcome.history, "history", "Chapter 6: " + method_name(s.method));
    const dl::RunDirectory run(s.out_dir);
    dl::save_checkpoint(run.file("model.ckpt"), model, architecture_tag(s, classes));
    const nlohmann::json results = {{"chapter", "06_finetune"},
                                    {"method", method_name(s.method)},
                                    {"test_accuracy", outcome.test.accuracy},
                                    {"test_loss", outcome.test.loss},
                                    {"final_val_accuracy", outcome.history.back().val_accuracy},
                                    {"seconds", outcome.seconds},
                                    {"steps", outcome.steps},
                                    {"epochs", outcome.history.size()},
                                    {"head_share", s.head_share},
                                    {"lr", s.lr},
                                    {"finetune_lr", s.finetune_lr},
                                    {"lr_ratio", s.lr_ratio},
                                    {"optimizer", s.optimizer},
                                    {"decay", s.decay},
                                    {"batch_size", s.batch_size},
                                    {"weight_decay", s.weight_decay},
                                    {"hidden", s.hidden},
                                    {"dropout", s.dropout},
                                    {"loss", dl::name_of(loss_names(), s.loss)},
                                    {"focal_gamma", s.focal_gamma},
                                    {"labels_per_class", s.labels_per_class},
                                    {"train_images", splits.train.size()},
                                    {"classes", splits.train.class_names},
                                    {"seed", s.seed},
                                    {"threads", s.threads},
                                    {"pretrained", s.method == Method::scratch ? "" : s.pretrained}};
    run.write("results.json", results.dump(2) + "\n");
    std::cout << "\nresults.json, history.csv, loss.png, accuracy.png, confusion.png, examples.png (training images per class) and model.ckpt in "
              << s.out_dir << "/  (" << dl::fixed(outcome.seconds, 1) << " s)\n";
    std::cout << "test accuracy: " << dl::fixed(outcome.test.accuracy, 4) << "\n";
}

}  // namespace ch06

// Chapter 1 — what the main run shows and keeps: the plan, the curves, the results.
#include "mlp.hpp"

#include "dl/train/confusion_report.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/table.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace ch01 {

void print_plan(const Settings& s, const Splits& splits) {
    std::cout << "Chapter 1: MLP 784-";
    for (std::size_t h : s.hidden) std::cout << h << "-";
    std::cout << "10 on " << splits.train.size() << " training images (" << splits.validation.size() << " held out for validation), " << s.optimizer
              << " lr " << s.lr << ", " << dl::counted(s.epochs, "epoch") << "\n";
}

void report_main_run(const Settings& s, const Splits& splits, const Outcome& outcome) {
    dl::report_confusion(outcome.test.predictions, splits.test.labels, splits.test.class_names, s.out_dir + "/confusion.png",
                         "Chapter 1 MLP: test images");
    dl::save_history(s.out_dir, outcome.history, "history", "Chapter 1 MLP");
    const nlohmann::json results = {{"chapter", "01_mlp"},
                                    {"test_accuracy", outcome.test.accuracy},
                                    {"test_loss", outcome.test.loss},
                                    {"epochs", s.epochs},
                                    {"seconds", outcome.seconds},
                                    {"parameters", outcome.parameters},
                                    {"hidden", s.hidden},
                                    {"optimizer", s.optimizer},
                                    {"lr", s.lr},
                                    {"decay", s.decay},
                                    {"batch_size", s.batch_size},
                                    {"init", dl::init_name(s.init)},
                                    {"seed", s.seed},
                                    {"train_images", splits.train.size()},
                                    {"validation_images", splits.validation.size()},
                                    {"threads", s.threads},
                                    {"final_val_accuracy", outcome.history.back().val_accuracy}};
    dl::RunDirectory(s.out_dir).write("results.json", results.dump(2) + "\n");
    std::cout << "\nresults.json, history.csv, loss.png, accuracy.png, confusion.png and model.ckpt in " << s.out_dir << "/  (" << outcome.seconds
              << " s)\n";
    std::cout << "test accuracy: " << dl::fixed(outcome.test.accuracy, 4) << "\n";
}

}  // namespace ch01

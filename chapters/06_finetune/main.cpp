// Chapter 6 — fine-tuning: chapter 4's ResNet-20, trained on clothes, learns handwritten
// digits from few labels. Cut at the global pool, a new head, freeze, unfreeze with
// discriminative learning rates.
//
//   ./book run 06                                  the main run (fine-tune on every training digit)
//   ./book run 06 --labels-per-class 10            the same with 10 labelled digits per class
//   ./book run 06 --method scratch                 the same network from random weights
//   ./book run 06 --data DIR                       your own folder: DIR/{train,val,test}/<class>/<image>
//   ./book run 06 --experiment labels              scratch vs head vs fine-tune at 10, 50, 100, all labels
//   ./book run 06 --experiment imbalance           cross-entropy vs focal loss with one rare class
//   ./book run 06 --predict digit.png              classify images of your own (after the main run)
//   ./book run 06 --help                           every flag
#include "finetune.hpp"
#include "resnet.hpp"

#include "dl/util/cli_help.hpp"
#include "dl/data/normalize.hpp"
#include "dl/io/checkpoint.hpp"
#include "dl/io/image_grid.hpp"
#include "dl/layers/surgery.hpp"
#include "dl/train/confusion_report.hpp"
#include "dl/train/fit.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/runtime.hpp"
#include "dl/util/table.hpp"
#include "dl/util/cli_checks.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <stdexcept>

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

void run_main(const Settings& s, const dl::DataSplits& splits) {
    const std::size_t classes = splits.train.class_names.size();
    auto model = build_model(s, s.method, classes);
    std::cout << "Chapter 6: ResNet-20 body (" << (s.method == Method::scratch ? "random weights" : "pretrained on Fashion-MNIST") << ") + new head for "
              << classes << " classes; method " << method_name(s.method) << "; " << splits.train.size() << " training images, "
              << splits.validation.size() << " validation, " << splits.test.size() << " test\n"
              << "  body: " << dl::parameter_count(model->body()) << " parameters, head: " << dl::parameter_count(model->head()) << "\n"
              << "head:\n"
              << model->head().summary();
    save_examples(splits.train, dl::RunDirectory(s.out_dir).file("examples.png"));
    const FinetuneOutcome outcome = train_by_method(*model, s, splits);
    print_test_report(outcome.test.predictions, splits.test, dl::RunDirectory(s.out_dir).file("confusion.png"), "Chapter 6: " + method_name(s.method) + ", test images");

    dl::save_history(s.out_dir, outcome.history, "history", "Chapter 6: " + method_name(s.method));
    const dl::RunDirectory run(s.out_dir);
    dl::save_checkpoint(run.file("model.ckpt"), *model, architecture_tag(s, classes));
    const nlohmann::json results = {
        {"chapter", "06_finetune"},      {"method", method_name(s.method)},          {"test_accuracy", outcome.test.accuracy},
        {"test_loss", outcome.test.loss}, {"final_val_accuracy", outcome.history.back().val_accuracy},
        {"seconds", outcome.seconds},     {"steps", outcome.steps},                   {"epochs", outcome.history.size()},
        {"head_share", s.head_share},     {"lr", s.lr},                               {"finetune_lr", s.finetune_lr},
        {"lr_ratio", s.lr_ratio},         {"optimizer", s.optimizer},                 {"decay", s.decay},
        {"batch_size", s.batch_size},     {"weight_decay", s.weight_decay},           {"hidden", s.hidden},
        {"dropout", s.dropout},           {"loss", s.loss},                           {"focal_gamma", s.focal_gamma},
        {"labels_per_class", s.labels_per_class}, {"train_images", splits.train.size()}, {"classes", splits.train.class_names},
        {"seed", s.seed},                 {"threads", s.threads},                     {"pretrained", s.method == Method::scratch ? "" : s.pretrained}};
    run.write("results.json", results.dump(2) + "\n");
    std::cout << "\nresults.json, history.csv, loss.png, accuracy.png, confusion.png, examples.png (training images per class) and model.ckpt in " << s.out_dir << "/  (" << dl::fixed(outcome.seconds, 1)
              << " s)\n";
    std::cout << "test accuracy: " << dl::fixed(outcome.test.accuracy, 4) << "\n";
}

Method parse_method(const std::string& name) {
    if (name == "scratch") return Method::scratch;
    if (name == "head") return Method::head;
    if (name == "finetune") return Method::finetune;
    throw std::invalid_argument("--method must be scratch, head or finetune, got '" + name + "'");
}

}  // namespace
}  // namespace ch06

int main(int argc, char** argv) {
    ch06::Settings s;
    std::string experiment = "none", method = "finetune";
    CLI::App app{"Chapter 6: fine-tune chapter 4's ResNet-20 (trained on Fashion-MNIST) on handwritten digits, or on any image folder"};
    dl::use_book_help(app);
    dl::add_training_flags(app, s);
    app.remove_option(app.get_option("--val-size"));  // the validation images are their own folder
    app.get_option("--data")->description("image folder with train/, test/ and optionally val/, one sub-folder per class (default: the book's digits, fetched on first use)");
    app.get_option("--lr")->description("peak learning rate of the head while the body is frozen, and of every layer with --method scratch");
    app.add_option("--method", method, "scratch (random weights), head (pretrained body frozen throughout) or finetune (frozen, then all with discriminative rates)")
        ->capture_default_str()
        ->check(CLI::IsMember({"scratch", "head", "finetune"}));
    app.add_option("--pretrained", s.pretrained, "chapter 4's ResNet-20 checkpoint (default: chapters/04_resnet/pretrained/resnet20.ckpt)")->check(dl::existing_file());
    app.add_option("--labels-per-class", s.labels_per_class, "train on this many labelled images of each class (0 = all)")->capture_default_str()->check(dl::whole_number(0, 100000000));
    app.add_option("--head-share", s.head_share, "finetune: the fraction of the epochs with the body frozen, at least one (0: unfreeze from the start)")
        ->capture_default_str()
        ->check(dl::real_number(0.0, 0.9));
    app.add_option("--finetune-lr", s.finetune_lr, "finetune, after unfreezing: the head's peak rate; the body's three groups get down to it / --lr-ratio")
        ->capture_default_str()
        ->check(dl::real_number(1e-9, 10.0));
    app.add_option("--lr-ratio", s.lr_ratio, "finetune: how much slower the first layers learn than the head (1 = all the same)")->capture_default_str()->check(dl::real_number(1.0, 1e6));
    app.add_option("--hidden", s.hidden, "width of the new head's hidden layer")->capture_default_str()->check(dl::whole_number(1, 4096));
    app.add_option("--dropout", s.dropout, "dropout before the head's last layer (half of it before the first)")->capture_default_str()->check(dl::real_number(0.0, 0.9));
    app.add_option("--loss", s.loss, "ce (cross-entropy) or focal")->capture_default_str()->check(CLI::IsMember({"ce", "focal"}));
    app.add_option("--focal-gamma", s.focal_gamma, "gamma of the focal loss")->capture_default_str()->check(dl::real_number(0.0, 10.0));
    dl::add_experiment_flag(app, experiment, ch06::experiments());
    dl::PredictRequest predict;
    dl::add_predict_flags(app, predict, "runs/06_finetune/main/model.ckpt, which ./book run 06 writes");
    CLI11_PARSE(app, argc, argv);
    if (experiment == "none") dl::choose_run_folder(app, s, "06_finetune");
    try {
        dl::check_predict_flags(app, predict, {"--experiment", "--method", "--labels-per-class", "--pretrained"});
        if (predict.wanted()) {
            dl::prepare_runtime(s.threads);
            ch06::run_predict(predict, s, app.count("--out") > 0 ? s.out_dir : dl::default_run_dir("06_finetune/predict"));
            return 0;
        }
        s.method = ch06::parse_method(method);
        if (s.method == ch06::Method::finetune && s.head_share > 0 && s.epochs < 2)
            throw std::invalid_argument("--epochs 1 leaves no epoch to fine-tune the body after the head's; give 2 or more, or --head-share 0");
        if (app.count("--focal-gamma") > 0 && s.loss != "focal") throw std::invalid_argument("--focal-gamma is used only with --loss focal");
        if (s.method != ch06::Method::finetune) {
            for (const char* flag : {"--head-share", "--finetune-lr", "--lr-ratio"})
                if (app.count(flag) > 0) throw std::invalid_argument(std::string(flag) + " is used only with --method finetune");
        }
        if (s.method == ch06::Method::scratch && app.count("--pretrained") > 0) throw std::invalid_argument("--pretrained: --method scratch starts from random weights");
        dl::prepare_runtime(s.threads);
        if (experiment != "none") {
            // The experiment's own budget; a flag given on the command line still wins.
            dl::apply_experiment_budget(app, dl::find_experiment(ch06::experiments(), experiment), "06_finetune", s);
            for (const char* flag : {"--method", "--labels-per-class"})
                if (app.count(flag) > 0) throw std::invalid_argument(std::string(flag) + ": --experiment " + experiment + " chooses it itself");
        }
        const std::string dir = ch06::digits_folder(s);
        std::cout << "Loading " << dir << " (and Fashion-MNIST's statistics, which the pretrained body expects)\n";
        dl::DataSplits splits = ch06::load_digit_splits(dir, ch04::training_normalization(), s.seed);
        try {
            if (s.labels_per_class > 0) splits.train = dl::per_class_subset(splits.train, s.labels_per_class, s.seed + 5);
        } catch (const std::invalid_argument& error) {
            throw std::invalid_argument("--labels-per-class " + std::to_string(s.labels_per_class) + ": in " + dir + "/train, " + error.what());
        }
        if (s.train_size > splits.train.size()) {
            throw std::invalid_argument("--train-size " + std::to_string(s.train_size) + ": " + dir + "/train gives " + std::to_string(splits.train.size()) +
                                        " training images; use at most that, or 0 for all");
        }
        if (s.train_size > 0) splits.train = dl::random_subset(splits.train, s.train_size, s.seed + 1);
        if (experiment == "none") {
            ch06::run_main(s, splits);
        } else {
            ch06::run_experiment(experiment, s, splits);
        }
    } catch (const std::exception& error) {
        std::cerr << "error: " << error.what() << "\n";
        return 1;
    }
    return 0;
}

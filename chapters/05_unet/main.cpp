// Chapter 5 — a U-Net segments "Fashion scenes": every pixel gets a class (background or
// one of Fashion-MNIST's ten), and skip connections bring back the detail a decoder fed
// only by a coarse grid cannot rebuild.
//
//   ./book run 05                               the main run (ResNet-20 encoder from chapter 4, skips, CE + Dice)
//   ./book run 05 --encoder plain               an encoder of conv blocks and max pooling, trained from scratch
//   ./book run 05 --decoder upsample            nearest upsample + conv, no skips
//   ./book run 05 --experiment decoders         the three decoders with the same budget
//   ./book run 05 --scenes DIR                  your own folder (train/, val/, test/ with images/ and masks/)
//   ./book run 05 --evaluate runs/05_unet/main/model.ckpt --tta flip
//                                               measure a saved model, here with test-time flips
//   ./book run 05 --predict photo.png           the mask of a photo of your own (after the main run)
//   ./book run 05 --help                        every flag
#include "segmentation_task.hpp"

#include "dl/util/cli_help.hpp"
#include "dl/io/checkpoint.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/runtime.hpp"
#include "dl/util/table.hpp"
#include "dl/util/timer.hpp"
#include "dl/util/cli_checks.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <stdexcept>

namespace ch05 {
namespace {

void print_class_iou(const SegmentationScore& test) {
    dl::Table table({"class", "IoU"});
    for (std::size_t c = 0; c < test.class_iou.size(); ++c) table.add_row({std::to_string(c) + " " + scene_classes()[c], dl::fixed(test.class_iou[c], 4)});
    std::cout << "\nIoU per class on the test scenes:\n";
    table.print(std::cout);
}

void run_main(const Settings& s, const SceneSplits& data) {
    dl::Timer timer;
    dl::Rng rng(s.seed);
    std::unique_ptr<UNet<float>> network = make_unet(s, rng);
    UNet<float>& model = *network;
    const double background = double(std::count(data.train.masks.begin(), data.train.masks.end(), 0)) / double(data.train.masks.size());
    std::cout << "Chapter 5: " << describe(s.architecture) << " on " << data.train.size() << " training scenes (background: "
              << dl::fixed(100 * background, 1) << "% of the pixels); " << s.optimizer << " lr " << s.lr << " (" << s.decay << "), loss "
              << loss_name(s.loss) << ", " << dl::counted(s.epochs, "epoch") << ", test-time augmentation " << s.tta << "\n"
              << model.summary();
    const std::vector<dl::EpochRecord> history = train_unet(model, s, data);
    const bool flip_average = s.tta == "flip";
    const int classes = int(scene_classes().size());
    // The per-epoch validation is without test-time augmentation; measure the final model as it is tested.
    const SegmentationScore validation = evaluate_segmentation(model, data.validation, classes, flip_average);
    const SegmentationScore test = evaluate_segmentation(model, data.test, classes, flip_average);
    const double seconds = timer.seconds();
    print_class_iou(test);

    save_segmentation_history(s.out_dir, history, "Chapter 5 " + describe(s.architecture));
    const dl::RunDirectory run(s.out_dir);
    save_prediction_grid(run.file("predictions.png"), &model, data.test, 8, flip_average);
    save_prediction_grid(run.file("scenes.png"), nullptr, data.train, 8);
    save_legend(run.file("legend.png"));
    dl::save_checkpoint(run.file("model.ckpt"), model, architecture_tag(s.architecture));
    const Architecture& a = s.architecture;
    const nlohmann::json results = {
        {"chapter", "05_unet"},           {"test_mean_iou", test.mean_iou},  {"test_pixel_accuracy", test.pixel_accuracy},
        {"test_loss", test.loss},         {"test_class_iou", test.class_iou}, {"epochs", s.epochs},
        {"seconds", seconds},             {"parameters", dl::parameter_count(model)}, {"architecture", architecture_tag(a)},
        {"encoder", encoder_name(a.encoder)}, {"pretrained", a.encoder == Encoder::resnet20 ? (s.pretrained.empty() ? "committed" : s.pretrained) : "none"},
        {"decoder", decoder_name(a.decoder)}, {"levels", a.levels},          {"width", a.width},
        {"loss", loss_name(s.loss)},      {"optimizer", s.optimizer},        {"lr", s.lr},
        {"decay", s.decay},               {"batch_size", s.batch_size},      {"augment", s.augment},
        {"seed", s.seed},                 {"threads", s.threads},            {"tta", s.tta},            {"train_scenes", data.train.size()},
        {"final_val_mean_iou", dl::val_metric(history.back(), "mean_iou")}, {"val_mean_iou_as_tested", validation.mean_iou}};
    run.write("results.json", results.dump(2) + "\n");
    std::cout << "\nresults.json, history.csv, loss.png, miou.png, predictions.png (test scenes), scenes.png (training scenes), legend.png and model.ckpt in " << s.out_dir << "/  ("
              << dl::fixed(seconds, 1) << " s)\n";
    std::cout << "validation mIoU (test-time augmentation: " << s.tta << "): " << dl::fixed(validation.mean_iou, 4) << "\n";
    std::cout << "test pixel accuracy: " << dl::fixed(test.pixel_accuracy, 4) << "\ntest mIoU: " << dl::fixed(test.mean_iou, 4) << "\n";
}

/// Measures a saved model on the validation and test scenes, without training.
void run_evaluation(Settings s, const SceneSplits& data, const std::string& checkpoint) {
    s.pretrained = "none";  // every weight comes from the checkpoint
    dl::Rng rng(s.seed);
    std::unique_ptr<UNet<float>> network = make_unet(s, rng);
    dl::load_checkpoint(checkpoint, *network, architecture_tag(s.architecture));
    const bool flip_average = s.tta == "flip";
    const int classes = int(scene_classes().size());
    std::cout << "Evaluating " << checkpoint << " (" << describe(s.architecture) << ", test-time augmentation: " << s.tta << ")\n";
    dl::Timer timer;
    const SegmentationScore validation = evaluate_segmentation(*network, data.validation, classes, flip_average);
    const SegmentationScore test = evaluate_segmentation(*network, data.test, classes, flip_average);
    print_class_iou(test);
    std::cout << "\nvalidation pixel accuracy: " << dl::fixed(validation.pixel_accuracy, 4) << "\nvalidation mIoU: " << dl::fixed(validation.mean_iou, 4)
              << "\n(" << dl::fixed(timer.seconds(), 1) << " s for " << data.validation.size() + data.test.size() << " scenes)\n"
              << "test pixel accuracy: " << dl::fixed(test.pixel_accuracy, 4) << "\ntest mIoU: " << dl::fixed(test.mean_iou, 4) << "\n";
}

}  // namespace
}  // namespace ch05

int main(int argc, char** argv) {
    ch05::Settings s;
    std::string experiment = "none", decoder = "unet";
    CLI::App app{"Chapter 5: a U-Net segments Fashion scenes (transposed convolution, skip connections, Dice loss)"};
    dl::use_book_help(app);
    dl::add_training_flags(app, s);
    app.remove_option(app.get_option("--val-size"));  // the validation scenes are their own folder
    app.get_option("--data")->description("Fashion-MNIST folder, to make the scenes from on first use (default: $DL_FASHION_MNIST_DIR, then the Debian package)");
    app.get_option("--train-size")->description("train on a random subset of this many training scenes (0 = all)");
    app.add_option("--augment", s.augment, "training augmentation: none or flip (image and mask together)")->capture_default_str()->check(CLI::IsMember({"none", "flip"}));
    ch05::Architecture& a = s.architecture;
    std::string encoder = ch05::encoder_name(a.encoder);
    app.add_option("--encoder", encoder, "resnet20 (chapter 4's ResNet-20 cut before its pooling) or plain (conv blocks and max pooling; see --levels, --width)")
        ->capture_default_str()
        ->check(CLI::IsMember({"resnet20", "plain"}));
    app.add_option("--pretrained", s.pretrained, "resnet20 encoder: chapter 4's checkpoint, or 'none' for random weights (default: chapters/04_resnet/pretrained/resnet20.ckpt)")->check(dl::existing_file("none"));
    app.add_option("--decoder", decoder, "upsample (nearest + conv, no skips), transpose (no skips) or unet (transposed conv + skips)")
        ->capture_default_str()
        ->check(CLI::IsMember({"upsample", "transpose", "unet"}));
    app.add_option("--levels", a.levels, "plain encoder: levels (each halves the image); default 3 with --encoder plain")->capture_default_str()->check(dl::whole_number(1, 5));
    app.add_option("--width", a.width, "plain encoder: channels at the first level (doubling at each deeper one); default 8 with --encoder plain")->capture_default_str()->check(dl::whole_number(1, 256));
    app.add_option("--loss", s.loss, "ce (pixel cross-entropy), dice, or ce+dice (default: ce+dice)")->transform(CLI::CheckedTransformer(ch05::loss_names()));
    app.add_option("--scenes", s.scenes_dir, "a scenes folder with train/, val/ and test/, each holding images/ and masks/ (default: the book's, made on first use)")->check(dl::non_empty());
    app.add_option("--train-scenes", s.scene_sizes.train, "training scenes when the book's dataset is made")->capture_default_str()->check(dl::whole_number(1, 1000000));
    app.add_option("--tta", s.tta, "test-time augmentation: none, or flip (average each scene's scores with its mirror image's; twice the cost)")
        ->capture_default_str()
        ->check(CLI::IsMember({"none", "flip"}));
    std::string checkpoint;
    app.add_option("--evaluate", checkpoint, "measure this saved model (a model.ckpt of the same --encoder/--decoder) on the validation and test scenes; no training")
        ->check(dl::existing_file());
    dl::add_experiment_flag(app, experiment, ch05::experiments());
    dl::PredictRequest predict;
    dl::add_predict_flags(app, predict, "runs/05_unet/main/model.ckpt, which ./book run 05 writes");
    app.get_option("--predict")->description("instead of training: label every pixel of these images (PNG, JPEG, BMP, GIF; light or dark objects on a plain background)");
    CLI11_PARSE(app, argc, argv);
    if (experiment == "none") dl::choose_run_folder(app, s, "05_unet");
    a.decoder = ch05::parse_decoder(decoder);
    try {
        a.encoder = ch05::parse_encoder(encoder);
        if (a.encoder == ch05::Encoder::resnet20) {
            for (const char* flag : {"--levels", "--width"})
                if (app.count(flag) > 0) throw std::invalid_argument(std::string(flag) + " shapes the plain encoder; the resnet20 encoder has 2 levels of 16 and 32 channels");
        } else {
            if (app.count("--pretrained") > 0) throw std::invalid_argument("--pretrained: the plain encoder starts from random weights (it is not chapter 4's network)");
            if (app.count("--levels") == 0) a.levels = 3;  // the plain encoder's own defaults
            if (app.count("--width") == 0) a.width = 8;
        }
        if (!s.pretrained.empty() && s.pretrained != "none" && !std::filesystem::is_regular_file(s.pretrained))
            throw std::invalid_argument("--pretrained " + s.pretrained + ": no such file (or 'none' for random weights)");
        dl::prepare_runtime(s.threads);
        dl::check_predict_flags(app, predict, {"--experiment", "--evaluate", "--epochs", "--lr", "--train-size"});
        if (predict.wanted()) {
            ch05::run_predict(predict, s, app.count("--out") > 0 ? s.out_dir : dl::default_run_dir("05_unet/predict"));
            return 0;
        }
        if (!s.scenes_dir.empty()) {
            // Both only shape the book's own dataset; with --scenes they would be ignored.
            for (const char* flag : {"--train-scenes", "--data"}) {
                if (app.count(flag) > 0) throw std::invalid_argument(std::string(flag) + " describes the book's dataset; it has no effect with --scenes");
            }
        }
        if (experiment != "none") {
            // The experiment's own budget; a flag given on the command line still wins.
            dl::apply_experiment_budget(app, dl::find_experiment(ch05::experiments(), experiment), "05_unet", s);
            if (app.count("--decoder") > 0) throw std::invalid_argument("--decoder: --experiment " + experiment + " trains every decoder itself");
        }
        if (!checkpoint.empty()) {
            if (experiment != "none") throw std::invalid_argument("--evaluate measures one saved model; it does not go with --experiment");
            for (const char* flag : {"--epochs", "--batch-size", "--lr", "--optimizer", "--momentum", "--weight-decay", "--decay", "--augment", "--loss", "--train-size"})
                if (app.count(flag) > 0) throw std::invalid_argument(std::string(flag) + " shapes training; --evaluate does not train");
        }
        const dl::RunDirectory checked_output(s.out_dir);  // an unwritable --out fails now, not after training
        const auto normalization = ch05::input_normalization(a);
        const ch05::SceneSplits data = ch05::load_scene_splits(ch05::prepare_scenes(s), s.train_size, s.seed, normalization.get());
        if (!checkpoint.empty()) {
            ch05::run_evaluation(s, data, checkpoint);
        } else if (experiment == "none") {
            ch05::run_main(s, data);
        } else {
            ch05::run_experiment(experiment, s, data);
        }
    } catch (const std::exception& error) {
        std::cerr << "error: " << error.what() << "\n";
        return 1;
    }
    return 0;
}

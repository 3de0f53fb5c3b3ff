// Chapter 5 — what the main run and --evaluate show and keep: the plan, the IoU per class,
// the curves, the prediction grids, the checkpoint and the results.
#include "segmentation_task.hpp"

#include "dl/io/checkpoint.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/table.hpp"
#include "dl/util/timer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>

namespace ch05 {

namespace {

void print_class_iou(const SegmentationScore& test) {
    dl::Table table({"class", "IoU"});
    for (std::size_t c = 0; c < test.class_iou.size(); ++c)
        table.add_row({std::to_string(c) + " " + scene_classes()[c], dl::fixed(test.class_iou[c], 4)});
    std::cout << "\nIoU per class on the test scenes:\n";
    table.print(std::cout);
}

}  // namespace

void print_plan(const Settings& s, const SceneSplits& data, UNet<float>& model) {
    const double background = double(std::count(data.train.masks.begin(), data.train.masks.end(), 0)) / double(data.train.masks.size());
    std::cout << "Chapter 5: " << describe(s.architecture) << " on " << data.train.size()
              << " training scenes (background: " << dl::fixed(100 * background, 1) << "% of the pixels); " << s.optimizer << " lr " << s.lr << " ("
              << s.decay << "), loss " << loss_name(s.loss) << ", " << dl::counted(s.epochs, "epoch") << ", test-time augmentation " << s.tta << "\n"
              << model.summary();
}

void report_main_run(const Settings& s, const SceneSplits& data, UNet<float>& model, const std::vector<dl::EpochRecord>& history,
                     const dl::Timer& timer) {
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
    const nlohmann::json results = {{"chapter", "05_unet"},
                                    {"test_mean_iou", test.mean_iou},
                                    {"test_pixel_accuracy", test.pixel_accuracy},
                                    {"test_loss", test.loss},
                                    {"test_class_iou", test.class_iou},
                                    {"epochs", s.epochs},
                                    {"seconds", seconds},
                                    {"parameters", dl::parameter_count(model)},
                                    {"architecture", architecture_tag(a)},
                                    {"encoder", encoder_name(a.encoder)},
                                    {"pretrained", a.encoder == Encoder::resnet20 ? (s.pretrained.empty() ? "committed" : s.pretrained) : "none"},
                                    {"decoder", decoder_name(a.decoder)},
                                    {"levels", a.levels},
                                    {"width", a.width},
                                    {"loss", loss_name(s.loss)},
                                    {"optimizer", s.optimizer},
                                    {"lr", s.lr},
                                    {"decay", s.decay},
                                    {"batch_size", s.batch_size},
                                    {"augment", s.augment},
                                    {"seed", s.seed},
                                    {"threads", s.threads},
                                    {"tta", s.tta},
                                    {"train_scenes", data.train.size()},
                                    {"final_val_mean_iou", dl::val_metric(history.back(), "mean_iou")},
                                    {"val_mean_iou_as_tested", validation.mean_iou}};
    run.write("results.json", results.dump(2) + "\n");
    std::cout
        << "\nresults.json, history.csv, loss.png, miou.png, predictions.png (test scenes), scenes.png (training scenes), legend.png and model.ckpt in "
        << s.out_dir << "/  (" << dl::fixed(seconds, 1) << " s)\n";
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
    std::cout << "\nvalidation pixel accuracy: " << dl::fixed(validation.pixel_accuracy, 4)
              << "\nvalidation mIoU: " << dl::fixed(validation.mean_iou, 4) << "\n(" << dl::fixed(timer.seconds(), 1) << " s for "
              << data.validation.size() + data.test.size() << " scenes)\n"
              << "test pixel accuracy: " << dl::fixed(test.pixel_accuracy, 4) << "\ntest mIoU: " << dl::fixed(test.mean_iou, 4) << "\n";
}

}  // namespace ch05

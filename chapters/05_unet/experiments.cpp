// Chapter 5 — the decoder ablation: the same encoder, budget and data with three ways back up.
//
//   decoders   (a) nearest upsample + conv, (b) transposed conv, (c) transposed conv + skips:
//              mean IoU and pixel accuracy on the test scenes, and one grid of predictions each
#include "segmentation_task.hpp"

#include "dl/train/run_directory.hpp"
#include "dl/util/table.hpp"
#include "dl/util/timer.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace ch05 {

const std::vector<dl::Experiment>& experiments() {
    static const std::vector<dl::Experiment> all = {
        // Three ResNet-20 U-Nets, each on 4,000 of the 8,000 training scenes for 3 epochs
        // (375 steps), half an hour for the three. A first budget of 1,000 scenes for 3 epochs
        // (94 steps) was too short for the skips' fine features to settle, and ranked the
        // decoders the other way round (see the text).
        {"decoders", "nearest upsample vs transposed conv vs U-Net skips, same budget: mIoU table and prediction grids", 4000, 3},
    };
    return all;
}

namespace {

void run_decoders(const Settings& settings, const SceneSplits& data) {
    const dl::RunDirectory run(settings.out_dir);
    const int classes = int(scene_classes().size());
    dl::Table table({"decoder", "parameters", "val mIoU", "test mIoU", "test pixel accuracy", "seconds"});
    nlohmann::json results = nlohmann::json::array();
    for (Decoder decoder : {Decoder::upsample, Decoder::transpose, Decoder::unet}) {
        Settings s = settings;
        s.architecture.decoder = decoder;
        std::cout << "\n== " << describe(s.architecture) << ": " << data.train.size() << " scenes, " << dl::counted(s.epochs, "epoch") << "\n";
        dl::Timer timer;
        dl::Rng rng(s.seed);  // the same initialization draws for the shared encoder
        std::unique_ptr<UNet<float>> network = make_unet(s, rng);
        UNet<float>& model = *network;
        const std::vector<dl::EpochRecord> history = train_unet(model, s, data);
        const SegmentationScore test = evaluate_segmentation(model, data.test, classes, s.tta == "flip");
        const double seconds = timer.seconds();
        save_prediction_grid(run.file("predictions-" + decoder_name(decoder) + ".png"), &model, data.test, 8, s.tta == "flip");
        table.add_row({decoder_name(decoder), std::to_string(dl::parameter_count(model)), dl::fixed(dl::val_metric(history.back(), "mean_iou"), 4),
                       dl::fixed(test.mean_iou, 4), dl::fixed(test.pixel_accuracy, 4), dl::fixed(seconds, 0)});
        results.push_back({{"decoder", decoder_name(decoder)},
                           {"parameters", dl::parameter_count(model)},
                           {"val_mean_iou", dl::val_metric(history.back(), "mean_iou")},
                           {"test_mean_iou", test.mean_iou},
                           {"test_pixel_accuracy", test.pixel_accuracy},
                           {"test_class_iou", test.class_iou},
                           {"seconds", seconds}});
    }
    save_legend(run.file("legend.png"));
    std::cout << "\nDecoders, " << data.train.size() << " training scenes, " << dl::counted(settings.epochs, "epoch") << " each:\n";
    run.save_table(table, nlohmann::json{{"experiment", "decoders"},
                                         {"epochs", settings.epochs},
                                         {"train_scenes", data.train.size()},
                                         {"loss", loss_name(settings.loss)},
                                         {"variants", results}}
                                  .dump(2) +
                              "\n");
    std::cout << "table.md, results.json, predictions-{upsample,transpose,unet}.png and legend.png in " << settings.out_dir << "/\n";
}

}  // namespace

void run_experiment(const std::string& name, const Settings& settings, const SceneSplits& data) {
    if (name == "decoders") return run_decoders(settings, data);
    throw std::invalid_argument("--experiment: unknown experiment '" + name + "'");
}

}  // namespace ch05

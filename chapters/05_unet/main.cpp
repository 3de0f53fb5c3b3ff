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

#include "dl/util/timer.hpp"

namespace {

/// The scenes the settings ask for, normalized as the network's encoder expects.
ch05::SceneSplits load_scenes(const ch05::Settings& settings) {
    const auto normalization = ch05::input_normalization(settings.architecture);
    return ch05::load_scene_splits(ch05::prepare_scenes(settings), settings.train_size, settings.seed, normalization.get());
}

/// The main run: the network (on chapter 4's trained encoder), its training, what it learned.
void run_main(const ch05::Settings& settings) {
    const ch05::SceneSplits data = load_scenes(settings);
    dl::Timer timer;
    dl::Rng rng(settings.seed);
    std::unique_ptr<ch05::UNet<float>> model = ch05::make_unet(settings, rng);
    ch05::print_plan(settings, data, *model);
    const std::vector<dl::EpochRecord> history = ch05::train_unet(*model, settings, data);
    ch05::report_main_run(settings, data, *model, history, timer);
}

}  // namespace

int main(int argc, char** argv) {
    const auto experiment = [](const std::string& name, const ch05::Settings& s) { ch05::run_experiment(name, s, load_scenes(s)); };
    const auto evaluate = [](const ch05::Settings& s, const std::string& checkpoint, const std::string&) {
        ch05::run_evaluation(s, load_scenes(s), checkpoint);
    };
    return dl::run_chapter<ch05::Settings>(argc, argv, {ch05::parse_command_line, run_main, experiment, ch05::run_predict, evaluate});
}

// Chapter 5 — the trained U-Net on a photo of your own: `./book run 05 --predict IMAGE...`.
#include "segmentation.hpp"

#include "dl/explain/prediction_panel.hpp"
#include "dl/io/checkpoint.hpp"
#include "dl/io/image_grid.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/table.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>
#include <stdexcept>

namespace ch05 {

namespace {

constexpr int kSide = 64;        // the book's scenes are 64×64
constexpr int kBackground = 20;  // their background texture, 0.02-0.14 of white, is about this gray

// The normalization the network was trained with: chapter 4's for a ResNet encoder, the
// training scenes' own statistics for a plain one.
dl::Normalization trained_normalization(const Settings& s) {
    const std::unique_ptr<dl::Normalization> fixed = input_normalization(s.architecture);
    if (fixed) return *fixed;
    return load_scene_splits(prepare_scenes(s), 0, s.seed).normalization;
}

// The share of the image each class covers, largest first, background left out.
std::vector<std::pair<int, double>> class_shares(const std::vector<int>& mask) {
    std::vector<std::pair<int, double>> shares;
    for (int c = 1; c < int(scene_classes().size()); ++c) {
        const auto n = std::count(mask.begin(), mask.end(), c);
        if (n > 0) shares.emplace_back(c, double(n) / double(mask.size()));
    }
    std::stable_sort(shares.begin(), shares.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return shares;
}

// The input in gray with the mask's colours laid over the pixels of every class but background.
std::vector<float> mask_over_input(const dl::Image8& input, const std::vector<int>& mask) {
    const std::size_t plane = mask.size();
    const std::vector<float> colours = colour_planes(mask.data(), plane);  // (3, H, W)
    std::vector<float> rgb(3 * plane);
    for (std::size_t p = 0; p < plane; ++p) {
        const float gray = float(input.pixels[p]) / 255.0f;
        for (std::size_t c = 0; c < 3; ++c) rgb[c * plane + p] = mask[p] == 0 ? gray : 0.4f * gray + 0.6f * colours[c * plane + p];
    }
    return rgb;
}

void save_panel(const std::string& path, const dl::Image8& photo, const dl::Image8& input, const std::vector<int>& mask) {
    constexpr int kCell = 2 * kSide;
    dl::ImageGrid grid(1, 4, kCell + 12, 1);
    int height = 0, width = 0;
    const std::vector<float> original = dl::gray_fitted_to(photo, kCell + 12, height, width);
    grid.place(0, original.data(), height, width, "YOUR IMAGE");
    const std::vector<float> in(input.pixels.begin(), input.pixels.end());
    grid.place(1, in.data(), kSide, kSide, "NETWORK INPUT");
    grid.place_rgb(2, colour_planes(mask.data(), mask.size()).data(), kSide, kSide, "PREDICTED MASK");
    grid.place_rgb(3, mask_over_input(input, mask).data(), kSide, kSide, "MASK OVER INPUT");
    grid.write(path);
}

}  // namespace

void run_predict(const dl::PredictRequest& request, const Settings& settings, const std::string& out_dir) {
    if (!request.explain.empty()) throw std::invalid_argument("--class: chapter 5 labels every pixel; there is no one class to explain");
    Settings s = settings;
    s.pretrained = "none";  // every weight comes from the checkpoint
    const std::string path = dl::predict_checkpoint(request, dl::default_run_dir("05_unet/main") + "/model.ckpt", "", "./book run 05 (about 22 minutes)");
    dl::Rng rng(s.seed);
    std::unique_ptr<UNet<float>> network = make_unet(s, rng);
    dl::load_checkpoint(path, *network, architecture_tag(s.architecture));
    network->eval();
    const dl::Normalization normalization = trained_normalization(s);
    std::cout << "Chapter 5: " << describe(s.architecture) << " from " << path << " (test-time augmentation: " << s.tta << ")\n";
    const dl::RunDirectory run(out_dir);
    nlohmann::json rows = nlohmann::json::array();
    std::set<std::string> taken;
    for (const std::string& image : request.images) {
        const dl::Image8 photo = dl::read_png(image);
        const dl::PhotoPreparation prepared = dl::prepare_like_scene(photo, kSide, kBackground);
        dl::Tensor<float> x = dl::Tensor<float>::from_shape({1, 1, kSide, kSide});  // (1, 1, 64, 64)
        for (std::size_t i = 0; i < x.size(); ++i) x.data()[i] = (float(prepared.image.pixels[i]) / 255.0f - normalization.mean) / normalization.stddev;
        const std::vector<int> mask = predict_pixels(predict_scores(*network, x, s.tta == "flip"));  // (64·64)
        std::cout << "\n" << image << (prepared.inverted ? " (light background, inverted)" : "") << ": the share of the image each class covers\n";
        nlohmann::json shares = nlohmann::json::object();
        for (const auto& [c, share] : class_shares(mask)) {
            std::cout << "  " << scene_classes()[std::size_t(c)] << "  " << dl::fixed(100.0 * share, 1) << "%\n";
            shares[scene_classes()[std::size_t(c)]] = share;
        }
        if (shares.empty()) std::cout << "  (every pixel background)\n";
        const std::string panel = out_dir + "/" + dl::panel_name(image, taken);
        save_panel(panel, photo, prepared.image, mask);
        std::cout << "  the image, the network's input, the mask and the mask over the input: " << panel << "\n";
        rows.push_back({{"image", std::filesystem::path(image).filename().string()}, {"inverted", prepared.inverted}, {"shares", shares}});
    }
    run.write("results.json", rows.dump(2) + "\n");
    std::cout << "\nresults.json (every image's class shares) and the legend of the colours, legend.png, in " << out_dir << "/\n";
    save_legend(run.file("legend.png"));
}

}  // namespace ch05

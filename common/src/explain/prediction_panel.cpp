#include "dl/explain/prediction_panel.hpp"

#include "dl/explain/heat_map.hpp"
#include "dl/io/image_grid.hpp"
#include "dl/io/image_resize.hpp"
#include "dl/util/table.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace dl {

namespace {

constexpr int kCell = 140;  // the side of each panel cell: captions of 17 characters fit under it

// The caption font has capital letters only.
std::string upper(std::string text) {
    for (char& c : text) c = char(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

// A kCell × kCell tile with three bars, one per class of the top 3, their lengths the probabilities.
std::vector<float> top3_bars(const PhotoPrediction& p) {
    std::vector<float> bars(std::size_t(kCell) * kCell, 0.0f);  // (kCell, kCell)
    for (std::size_t rank = 0; rank < std::min<std::size_t>(3, p.ranked.size()); ++rank) {
        const int length = int(std::lround(p.ranked[rank].probability * (kCell - 8)));
        for (int y = 14 + int(rank) * 44; y < 14 + int(rank) * 44 + 26; ++y)
            for (int x = 4; x < 4 + length; ++x) bars[std::size_t(y) * kCell + std::size_t(x)] = 1.0f;
    }
    return bars;
}

}  // namespace

std::vector<float> gray_fitted_to(const Image8& photo, int cell, int& height, int& width) {
    Image8 gray = to_gray(photo);
    const double scale = std::min(1.0, double(cell) / double(std::max(gray.width, gray.height)));
    if (scale < 1.0) gray = resize_image(gray, std::max(1, int(gray.width * scale)), std::max(1, int(gray.height * scale)));
    height = gray.height, width = gray.width;
    return std::vector<float>(gray.pixels.begin(), gray.pixels.end());
}

void save_prediction_panel(const std::string& png_path, const Image8& photo, const PhotoPrediction& p, const std::vector<std::string>& classes) {
    const bool has_cam = !p.grad_cam.empty();
    ImageGrid grid(1, has_cam ? 5 : 4, kCell, 2);
    int cell = 0, height = 0, width = 0;
    const std::vector<float> original = gray_fitted_to(photo, kCell, height, width);
    grid.place(cell++, original.data(), height, width, "YOUR IMAGE");
    const std::vector<float> input(p.prepared.image.pixels.begin(), p.prepared.image.pixels.end());  // (28, 28)
    grid.place(cell++, input.data(), 28, 28, "NETWORK INPUT\n28X28");
    const std::string explained = upper(classes.at(std::size_t(p.explained)));
    if (has_cam) grid.place_rgb(cell++, heat_overlay(p.prepared.image.pixels, p.grad_cam).data(), 28, 28, "GRAD-CAM " + p.grad_cam_size + "\n" + explained);
    grid.place_rgb(cell++, heat_overlay(p.prepared.image.pixels, p.saliency).data(), 28, 28, "SALIENCY\n" + explained);
    std::string caption;
    for (std::size_t rank = 0; rank < std::min<std::size_t>(2, p.ranked.size()); ++rank)
        caption += (rank ? "\n" : "") + upper(classes.at(std::size_t(p.ranked[rank].label))) + " " + fixed(p.ranked[rank].probability, 2);
    grid.place(cell, top3_bars(p).data(), kCell, kCell, caption);
    grid.write(png_path);
}

}  // namespace dl

#include "predict.hpp"

#include "resnet.hpp"

#include "dl/explain/grad_cam.hpp"
#include "dl/io/checkpoint.hpp"
#include "dl/io/image_grid.hpp"
#include "dl/io/image_resize.hpp"
#include "dl/losses/softmax_cross_entropy.hpp"
#include "dl/train/settings.hpp"
#include "dl/util/table.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <stdexcept>

namespace ch04 {

namespace {

// Grad-CAM's map (H×W) enlarged to 28×28 by repeating each value (7×7 → 4×4 blocks) and
// scaled to 0-1 by its largest value (all 0 if the map is).
std::vector<float> enlarged_map(const dl::GradCam& cam) {
    std::vector<float> out(28 * 28, 0.0f);  // (28, 28)
    const float largest = *std::max_element(cam.map.begin(), cam.map.end());
    if (largest <= 0.0f) return out;
    for (int y = 0; y < 28; ++y)
        for (int x = 0; x < 28; ++x) out[std::size_t(y) * 28 + std::size_t(x)] = cam.map[std::size_t(y * cam.height / 28) * std::size_t(cam.width) + std::size_t(x * cam.width / 28)] / largest;
    return out;
}

}  // namespace

PhotoPrediction predict_photo(dl::Sequential<float>& model, const dl::Normalization& normalization, const dl::Image8& photo, int explain) {
    PhotoPrediction result;
    result.prepared = dl::prepare_like_fashion_mnist(photo);
    dl::Tensor<float> x = dl::Tensor<float>::from_shape({1, 1, 28, 28});  // (1, 1, 28, 28)
    for (std::size_t i = 0; i < x.size(); ++i) x.data()[i] = (float(result.prepared.image.pixels[i]) / 255.0f - normalization.mean) / normalization.stddev;
    model.eval();
    const dl::Tensor<float> probabilities = dl::softmax_rows(model.forward(x));  // (1, 10)
    for (std::size_t k = 0; k < probabilities.size(); ++k) result.ranked.push_back({int(k), probabilities.data()[k]});
    std::stable_sort(result.ranked.begin(), result.ranked.end(), [](const ClassProbability& a, const ClassProbability& b) { return a.probability > b.probability; });
    result.explained = explain >= 0 ? explain : result.ranked.front().label;
    result.where = enlarged_map(dl::grad_cam(model, x, model.size() - 2, result.explained));
    return result;
}

namespace {

constexpr int kCell = 140;  // the side of each panel cell: captions of 17 characters fit under it

// @p photo in gray, as floats, scaled down to fit a cell if it is larger; its size in @p height, @p width.
std::vector<float> fitted_gray(const dl::Image8& photo, int& height, int& width) {
    dl::Image8 gray = dl::to_gray(photo);
    const double scale = std::min(1.0, double(kCell) / double(std::max(gray.width, gray.height)));
    if (scale < 1.0) gray = dl::resize_image(gray, std::max(1, int(gray.width * scale)), std::max(1, int(gray.height * scale)));
    height = gray.height, width = gray.width;
    return std::vector<float>(gray.pixels.begin(), gray.pixels.end());
}

// The caption font has capital letters only.
std::string upper(std::string text) {
    for (char& c : text) c = char(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

}  // namespace

void save_prediction_panel(const std::string& png_path, const dl::Image8& photo, const PhotoPrediction& p) {
    const std::vector<std::string>& classes = dl::fashion_mnist_classes();
    dl::ImageGrid grid(1, 4, kCell, 2);
    int height = 0, width = 0;
    const std::vector<float> original = fitted_gray(photo, height, width);
    grid.place(0, original.data(), height, width, "YOUR IMAGE");
    const std::vector<float> input(p.prepared.image.pixels.begin(), p.prepared.image.pixels.end());  // (28, 28)
    grid.place(1, input.data(), 28, 28, "NETWORK INPUT\n28X28");
    // The input in gray, with Grad-CAM's map added to its red channel.
    std::vector<float> overlay(3 * 28 * 28);  // (3, 28, 28)
    for (std::size_t i = 0; i < 28 * 28; ++i) {
        const float gray = input[i] / 255.0f;
        overlay[i] = std::min(1.0f, 0.5f * gray + p.where[i]);
        overlay[28 * 28 + i] = overlay[2 * 28 * 28 + i] = 0.5f * gray;
    }
    grid.place_rgb(2, overlay.data(), 28, 28, "GRAD-CAM FOR\n" + upper(classes[std::size_t(p.explained)]));
    // Three bars, one per class of the top 3, their lengths the probabilities.
    std::vector<float> bars(std::size_t(kCell) * kCell, 0.0f);  // (kCell, kCell)
    for (std::size_t rank = 0; rank < 3; ++rank) {
        const int length = int(std::lround(p.ranked[rank].probability * (kCell - 8)));
        for (int y = 14 + int(rank) * 44; y < 14 + int(rank) * 44 + 26; ++y)
            for (int x = 4; x < 4 + length; ++x) bars[std::size_t(y) * kCell + std::size_t(x)] = 1.0f;
    }
    grid.place(3, bars.data(), kCell, kCell,
               upper(classes[std::size_t(p.ranked[0].label)]) + " " + dl::fixed(p.ranked[0].probability, 2) + "\n" +
                   upper(classes[std::size_t(p.ranked[1].label)]) + " " + dl::fixed(p.ranked[1].probability, 2));
    grid.write(png_path);
}

void run_predict(const std::vector<std::string>& images, const std::string& checkpoint, const std::string& out_dir, const std::string& explain) {
    const Architecture architecture;  // ResNet-20, as the main run and the committed checkpoint
    std::string path = checkpoint;
    const std::string trained = dl::default_run_dir("04_resnet/main") + "/model.ckpt";
    if (path.empty()) path = std::filesystem::exists(trained) ? trained : committed_checkpoint_path();
    dl::Rng rng(1);
    dl::Sequential<float> model = build_resnet(architecture, rng);
    dl::load_checkpoint(path, model, architecture_tag(architecture));
    const dl::Normalization normalization = training_normalization();
    const std::vector<std::string>& classes = dl::fashion_mnist_classes();
    const auto named = std::find(classes.begin(), classes.end(), explain);
    if (!explain.empty() && named == classes.end()) throw std::invalid_argument("--class: '" + explain + "' is not a Fashion-MNIST class");
    const int explained = explain.empty() ? -1 : int(named - classes.begin());
    std::cout << "Chapter 4: " << describe(architecture) << " from " << path << "\n";
    std::filesystem::create_directories(out_dir);
    for (const std::string& image : images) {
        const dl::Image8 photo = dl::read_png(image);
        PhotoPrediction p;
        try {
            p = predict_photo(model, normalization, photo, explained);
        } catch (const std::invalid_argument& error) {
            throw std::invalid_argument(image + ": " + error.what());
        }
        const dl::PhotoPreparation& prep = p.prepared;
        std::cout << "\n" << image << " (object at " << prep.crop_x << "," << prep.crop_y << ", " << prep.crop_width << "x" << prep.crop_height
                  << (prep.inverted ? "; light background, inverted" : "") << ")\n";
        for (std::size_t rank = 0; rank < 3; ++rank)
            std::cout << "  " << rank + 1 << ". " << classes[std::size_t(p.ranked[rank].label)] << "  " << dl::fixed(p.ranked[rank].probability, 3) << "\n";
        const std::string panel = out_dir + "/" + std::filesystem::path(image).stem().string() + ".png";
        save_prediction_panel(panel, photo, p);
        std::cout << "  the image, the network's input and the top classes: " << panel << "\n";
    }
}

}  // namespace ch04

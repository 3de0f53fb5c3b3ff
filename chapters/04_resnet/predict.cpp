#include "predict.hpp"

#include "resnet.hpp"

#include "dl/io/checkpoint.hpp"
#include "dl/losses/softmax_cross_entropy.hpp"
#include "dl/util/table.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <stdexcept>

namespace ch04 {

PhotoPrediction predict_photo(dl::Sequential<float>& model, const dl::Normalization& normalization, const dl::Image8& photo) {
    PhotoPrediction result;
    result.prepared = dl::prepare_like_fashion_mnist(photo);
    dl::Tensor<float> x = dl::Tensor<float>::from_shape({1, 1, 28, 28});  // (1, 1, 28, 28)
    for (std::size_t i = 0; i < x.size(); ++i) x.data()[i] = (float(result.prepared.image.pixels[i]) / 255.0f - normalization.mean) / normalization.stddev;
    model.eval();
    const dl::Tensor<float> probabilities = dl::softmax_rows(dl::Tensor<float>(model.forward(x)));  // (1, 10)
    for (std::size_t k = 0; k < probabilities.size(); ++k) result.ranked.push_back({int(k), probabilities.data()[k]});
    std::stable_sort(result.ranked.begin(), result.ranked.end(), [](const ClassProbability& a, const ClassProbability& b) { return a.probability > b.probability; });
    return result;
}

void run_predict(const std::vector<std::string>& images, const std::string& checkpoint) {
    const Architecture architecture;  // ResNet-20, as the main run and the committed checkpoint
    std::string path = checkpoint;
    if (path.empty()) path = std::filesystem::exists("runs/04_resnet/main/model.ckpt") ? "runs/04_resnet/main/model.ckpt" : committed_checkpoint_path();
    dl::Rng rng(1);
    dl::Sequential<float> model = build_resnet(architecture, rng);
    dl::load_checkpoint(path, model, architecture_tag(architecture));
    const dl::Normalization normalization = training_normalization();
    const std::vector<std::string> classes = dl::fashion_mnist_classes();
    std::cout << "Chapter 4: " << describe(architecture) << " from " << path << "\n";
    for (const std::string& image : images) {
        PhotoPrediction p;
        try {
            p = predict_photo(model, normalization, dl::read_png(image));
        } catch (const std::invalid_argument& error) {
            throw std::invalid_argument(image + ": " + error.what());
        }
        const dl::PhotoPreparation& prep = p.prepared;
        std::cout << "\n" << image << " (object at " << prep.crop_x << "," << prep.crop_y << ", " << prep.crop_width << "x" << prep.crop_height
                  << (prep.inverted ? "; light background, inverted" : "") << ")\n";
        for (std::size_t rank = 0; rank < 3; ++rank)
            std::cout << "  " << rank + 1 << ". " << classes[std::size_t(p.ranked[rank].label)] << "  " << dl::fixed(p.ranked[rank].probability, 3) << "\n";
    }
}

}  // namespace ch04

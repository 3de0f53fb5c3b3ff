#include "predict.hpp"

#include "resnet.hpp"

#include "dl/data/fashion_mnist.hpp"
#include "dl/explain/grad_cam.hpp"
#include "dl/explain/heat_map.hpp"
#include "dl/io/checkpoint.hpp"
#include "dl/io/image_grid.hpp"
#include "dl/losses/softmax_cross_entropy.hpp"
#include "dl/util/table.hpp"
#include "dl/train/settings.hpp"

#include <iostream>

namespace ch04 {

void run_predict(const dl::PredictRequest& request, const std::string& out_dir) {
    const Architecture architecture;  // ResNet-20, as the main run and the committed checkpoint
    const std::string path = dl::predict_checkpoint(request, dl::default_run_dir("04_resnet/main") + "/model.ckpt", committed_checkpoint_path(), "./book run 04");
    dl::Rng rng(1);
    dl::Sequential<float> model = build_resnet(architecture, rng);
    dl::load_checkpoint(path, model, architecture_tag(architecture));
    std::cout << "Chapter 4: " << describe(architecture) << " from " << path << "\n";
    const dl::PhotoClassifier classifier{dl::layers_of(model), training_normalization(), dl::DatasetForm::fashion_mnist, dl::fashion_mnist_classes()};
    dl::predict_photos(classifier, request, out_dir);
}

namespace {

constexpr int kCell = 112;  // captions of 14 characters fit under a cell

// Short upper-case names for the captions' font.
const char* kShort[10] = {"T-SHIRT", "TROUSER", "PULLOVER", "DRESS", "COAT", "SANDAL", "SHIRT", "SNEAKER", "BAG", "BOOT"};

bool upper_body(int label) { return label == 0 || label == 2 || label == 6; }  // T-shirt/top, Pullover, Shirt

// The test images to explain: the first @p correct right answers and @p wrong mistakes among the three classes.
std::vector<std::size_t> chosen_examples(const dl::ImageDataset& test, const std::vector<int>& predictions, int correct, int wrong) {
    std::vector<std::size_t> right, mistakes;
    for (std::size_t i = 0; i < test.size(); ++i) {
        if (!upper_body(test.labels[i]) || !upper_body(predictions[i])) continue;
        std::vector<std::size_t>& list = predictions[i] == test.labels[i] ? right : mistakes;
        if (int(list.size()) < (&list == &right ? correct : wrong)) list.push_back(i);
    }
    right.insert(right.end(), mistakes.begin(), mistakes.end());
    return right;
}

}  // namespace

void save_explained_test_images(dl::Sequential<float>& model, const dl::ImageDataset& test, const std::vector<int>& predictions, const std::string& png_path,
                                int correct, int wrong) {
    const std::vector<std::size_t> examples = chosen_examples(test, predictions, correct, wrong);
    dl::ImageGrid grid(int(examples.size() + 1) / 2, 6, kCell, 2);
    model.eval();
    const dl::LayerChain chain = dl::layers_of(model);
    for (std::size_t e = 0; e < examples.size(); ++e) {
        const std::size_t i = examples[e];
        const dl::Tensor<float> x = dl::select(test, {i}).images;  // (1, 1, 28, 28)
        const std::vector<float> pixels(x.begin(), x.end());
        const dl::Tensor<float> p = dl::softmax_rows(model.forward(x));  // (1, 10)
        const int said = predictions[i], truth = test.labels[i];
        int other = truth;  // a mistake: the true class; a correct answer: the runner-up
        if (said == truth) {
            other = said == 0 ? 2 : 0;
            for (int k = 0; k < 10; ++k)
                if (k != said && p(0, std::size_t(k)) > p(0, std::size_t(other))) other = k;
        }
        const std::size_t split = dl::grad_cam_split(chain, x);
        const int cell = int(e) * 3;
        grid.place(cell, pixels.data(), 28, 28, std::string("TRUE ") + kShort[truth] + "\n" + (said == truth ? "RIGHT" : "WRONG"));
        for (const auto& [offset, label] : {std::pair<int, int>{1, said}, std::pair<int, int>{2, other}}) {
            const dl::GradCam cam = dl::grad_cam(chain, x, split, label);
            const std::vector<float> heat = dl::unit_heat_map(cam.map, cam.height, cam.width, 28);
            grid.place_rgb(cell + offset, dl::heat_overlay(pixels, heat).data(), 28, 28,
                           std::string(offset == 1 ? "SAID " : "") + kShort[label] + "\n" + dl::fixed(p(0, std::size_t(label)), 2));
        }
    }
    grid.write(png_path);
}

}  // namespace ch04

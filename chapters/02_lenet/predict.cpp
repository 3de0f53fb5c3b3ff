// Chapter 2 — the trained LeNet-5 on a photo of your own: `./book run 02 --predict IMAGE...`.
#include "lenet.hpp"

#include "dl/io/checkpoint.hpp"

#include <iostream>

namespace ch02 {

void run_predict(const dl::PredictRequest& request, const Settings& s, const std::string& out_dir) {
    const std::string path =
        dl::predict_checkpoint(request, dl::default_run_dir("02_lenet/main") + "/model.ckpt", "", "./book run 02 (about 2 minutes)");
    dl::Rng rng(s.seed);
    LeNet5 model = build_lenet(s.classic, rng);
    dl::load_checkpoint(path, model, architecture_tag(s.classic));  // refuses the other form
    // LeNet5 spares its first convolution the input gradient; the saliency map needs it.
    model.conv1().set_input_gradient_needed(true);
    std::cout << "Chapter 2: LeNet-5 (" << architecture_tag(s.classic) << ") from " << path << "\n";
    const dl::PhotoClassifier classifier{dl::layers_of(model), dl::fashion_mnist_training_normalization(s.data_dir, s.val_size, s.seed),
                                         dl::DatasetForm::fashion_mnist, dl::fashion_mnist_classes()};
    dl::predict_photos(classifier, request, out_dir);
}

}  // namespace ch02

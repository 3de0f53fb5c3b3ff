// Chapter 1 — the trained MLP on a photo of your own: `./book run 01 --predict IMAGE...`.
#include "mlp.hpp"

#include "dl/io/checkpoint.hpp"

#include <iostream>

namespace ch01 {

void run_predict(const dl::PredictRequest& request, const Settings& s, const std::string& out_dir) {
    const std::string path = dl::predict_checkpoint(request, dl::default_run_dir("01_mlp/main") + "/model.ckpt", "", "./book run 01 (under a minute)");
    dl::Rng rng(s.seed);
    dl::Sequential<float> model = build_mlp(s.hidden, dl::Init::he, rng);
    dl::load_checkpoint(path, model, architecture_name(s.hidden));  // refuses other widths
    std::cout << "Chapter 1: MLP " << architecture_name(s.hidden) << " from " << path << " (an MLP has no maps: no Grad-CAM, only saliency)\n";
    const dl::PhotoClassifier classifier{dl::layers_of(model), dl::fashion_mnist_training_normalization(s.data_dir, s.val_size, s.seed),
                                         dl::DatasetForm::fashion_mnist, dl::fashion_mnist_classes()};
    dl::predict_photos(classifier, request, out_dir);
}

}  // namespace ch01

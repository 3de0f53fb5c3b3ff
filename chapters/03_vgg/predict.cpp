// Chapter 3 — the trained VGG on a photo of your own: `./book run 03 --predict IMAGE...`.
#include "vgg.hpp"

#include "dl/io/checkpoint.hpp"

#include <iostream>

namespace ch03 {

void run_predict(const dl::PredictRequest& request, const Settings& s, const std::string& out_dir) {
    const std::string path = dl::predict_checkpoint(request, dl::default_run_dir("03_vgg/main") + "/model.ckpt", "", "./book run 03 (about 11 minutes)");
    dl::Rng rng(s.seed);
    dl::Sequential<float> model = build_vgg(s.architecture, rng);
    dl::load_checkpoint(path, model, architecture_tag(s.architecture));  // refuses another width or head
    std::cout << "Chapter 3: " << describe(s.architecture) << " from " << path << "\n";
    const dl::PhotoClassifier classifier{dl::layers_of(model), dl::fashion_mnist_training_normalization(s.data_dir, s.val_size, s.seed),
                                         dl::DatasetForm::fashion_mnist, dl::fashion_mnist_classes()};
    dl::predict_photos(classifier, request, out_dir);
}

}  // namespace ch03

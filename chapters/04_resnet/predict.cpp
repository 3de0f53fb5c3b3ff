#include "predict.hpp"

#include "resnet.hpp"

#include "dl/data/fashion_mnist.hpp"
#include "dl/io/checkpoint.hpp"
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

}  // namespace ch04

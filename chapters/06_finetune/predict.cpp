// Chapter 6 — the fine-tuned network on a photo of your own: `./book run 06 --predict IMAGE...`.
#include "finetune.hpp"

#include "resnet.hpp"  // chapter 4: the training normalization the body expects

#include "dl/data/image_folder.hpp"
#include "dl/io/checkpoint.hpp"

#include <iostream>

namespace ch06 {

void run_predict(const dl::PredictRequest& request, const Settings& s, const std::string& out_dir) {
    const std::string path = dl::predict_checkpoint(request, dl::default_run_dir("06_finetune/main") + "/model.ckpt", "", "./book run 06 (about 3 minutes)");
    const std::string folder = digits_folder(s);
    const std::vector<std::string> classes = dl::image_folder_classes(folder + "/train");
    auto model = build_model(s, Method::scratch, classes.size());  // random weights, replaced by the checkpoint's
    dl::load_checkpoint(path, *model, architecture_tag(s, classes.size()));
    std::cout << "Chapter 6: ResNet-20 body + head for " << classes.size() << " classes (those of " << folder << "/train) from " << path << "\n";
    const dl::DatasetForm form = s.data_dir.empty() ? dl::DatasetForm::mnist_digit : dl::DatasetForm::fashion_mnist;
    const dl::PhotoClassifier classifier{dl::layers_of(*model), ch04::training_normalization(), form, classes};
    dl::predict_photos(classifier, request, out_dir);
}

}  // namespace ch06

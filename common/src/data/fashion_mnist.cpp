#include "dl/data/fashion_mnist.hpp"

#include "dl/data/idx.hpp"
#include "dl/data/normalize.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace dl {

namespace fs = std::filesystem;

const std::vector<std::string>& fashion_mnist_classes() {
    static const std::vector<std::string> names = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                   "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    return names;
}

std::string locate_fashion_mnist(const std::string& explicit_dir) {
    std::string dir = explicit_dir, source = "--data";
    if (dir.empty()) {
        const char* env = std::getenv(kFashionMnistEnv);
        if (env != nullptr && *env != '\0') {
            dir = env;
            source = std::string("$") + kFashionMnistEnv;
        } else {
            dir = kDebianFashionMnistDir;
            source = "the default location (Debian package dataset-fashion-mnist; ./book setup installs it)";
        }
    }
    if (!fs::is_directory(dir)) {
        throw std::runtime_error("Fashion-MNIST folder '" + dir + "' (from " + source + ") does not exist or is not a folder");
    }
    return dir;
}

namespace {

// "<dir>/<stem>.gz" if present, else "<dir>/<stem>"; names the missing file otherwise.
std::string find_idx_file(const std::string& dir, const std::string& stem) {
    for (const std::string& candidate : {dir + "/" + stem + ".gz", dir + "/" + stem}) {
        if (fs::exists(candidate)) return candidate;
    }
    throw std::runtime_error(dir + "/" + stem + "[.gz]: Fashion-MNIST file not found");
}

}  // namespace

ImageDataset load_fashion_mnist(const std::string& dir, bool train) {
    const std::string prefix = train ? "train" : "t10k";
    const std::string image_path = find_idx_file(dir, prefix + "-images-idx3-ubyte");
    const std::string label_path = find_idx_file(dir, prefix + "-labels-idx1-ubyte");
    const IdxArray images = read_idx(image_path, 3);
    const IdxArray labels = read_idx(label_path, 1);
    if (images.dims[0] != labels.dims[0]) {
        throw std::runtime_error(image_path + " holds " + std::to_string(images.dims[0]) + " images but " + label_path +
                                 " holds " + std::to_string(labels.dims[0]) + " labels");
    }
    if (images.dims[1] != 28 || images.dims[2] != 28) {
        throw std::runtime_error(image_path + ": images are " + std::to_string(images.dims[1]) + "x" +
                                 std::to_string(images.dims[2]) + ", expected 28x28");
    }
    ImageDataset data;
    data.class_names = fashion_mnist_classes();
    const std::size_t n = images.dims[0];
    data.images = Tensor<float>::from_shape({n, 1, 28, 28});  // (N, 1, 28, 28)
    for (std::size_t i = 0; i < images.data.size(); ++i) data.images.data()[i] = float(images.data[i]) / 255.0f;
    data.labels.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (labels.data[i] > 9) throw std::runtime_error(label_path + ": label " + std::to_string(labels.data[i]) + " at index " + std::to_string(i) + " is not a class 0..9");
        data.labels[i] = labels.data[i];
    }
    return data;
}

DataSplits load_fashion_mnist_splits(const std::string& data_dir, std::size_t val_size, std::size_t train_size, std::uint64_t seed) {
    const std::string dir = locate_fashion_mnist(data_dir);
    TrainValidation parts = [&] {  // the whole training file lives only inside this block
        const ImageDataset training_file = load_fashion_mnist(dir, true);
        if (val_size >= training_file.size()) {
            throw std::invalid_argument("--val-size " + std::to_string(val_size) + ": the training file in " + dir + " holds only " +
                                        std::to_string(training_file.size()) + " images, and some must remain for training");
        }
        return split_validation(training_file, val_size, seed);
    }();
    if (train_size > parts.train.size()) {
        throw std::invalid_argument("--train-size " + std::to_string(train_size) + ": " + dir + " has " + std::to_string(parts.train.size()) +
                                    " training images after the " + std::to_string(val_size) + " held out for validation (--val-size); use at most that, or 0 for all");
    }
    DataSplits splits{std::move(parts.train), std::move(parts.validation), load_fashion_mnist(dir, false), {}};
    if (train_size > 0) splits.train = random_subset(splits.train, train_size, seed + 1);
    // Statistics come from the training images only: the test set stays unseen.
    splits.normalization = fit_normalization(splits.train.images);
    for (ImageDataset* part : {&splits.train, &splits.validation, &splits.test}) normalize(part->images, splits.normalization);
    return splits;
}

Normalization fashion_mnist_training_normalization(const std::string& data_dir, std::size_t val_size, std::uint64_t seed) {
    const ImageDataset training_file = load_fashion_mnist(locate_fashion_mnist(data_dir), true);
    return fit_normalization(split_validation(training_file, val_size, seed).train.images);
}

}  // namespace dl

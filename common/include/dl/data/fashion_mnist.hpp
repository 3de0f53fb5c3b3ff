/// @file fashion_mnist.hpp
/// @brief Finding and loading Fashion-MNIST (Xiao, Rasul & Vollgraf, 2017).
#pragma once

#include "dl/data/dataset.hpp"

#include <string>

namespace dl {

/// Where Debian's `dataset-fashion-mnist` package installs the four IDX files.
inline constexpr const char* kDebianFashionMnistDir = "/usr/share/datasets/fashion-mnist";

/// The environment variable that overrides that location.
inline constexpr const char* kFashionMnistEnv = "DL_FASHION_MNIST_DIR";

/// The folder to read Fashion-MNIST from: @p explicit_dir if non-empty (the `--data`
/// flag), else $DL_FASHION_MNIST_DIR, else the Debian package's folder. Throws
/// std::runtime_error naming the folder if it does not exist.
/// @param explicit_dir the folder asked for, or "" to look it up
/// @return the folder
std::string locate_fashion_mnist(const std::string& explicit_dir = "");

/// Loads the training (60,000) or test (10,000) split from @p dir as images (N, 1, 28, 28)
/// with pixel values scaled to [0, 1]. Files may be gzipped (`*.gz`) or raw.
/// @param dir the folder holding the four IDX files
/// @param train true for the training split, false for the test split
/// @return the images, their labels and the ten class names
ImageDataset load_fashion_mnist(const std::string& dir, bool train);

/// Loads Fashion-MNIST from locate_fashion_mnist(@p data_dir), holds out @p val_size
/// training images for validation (seeded), keeps a random subset of @p train_size
/// training images if it is not 0, and normalizes all three sets.
/// @param data_dir the folder asked for, or "" to look it up
/// @param val_size how many training images to hold out for validation
/// @param train_size how many of the remaining training images to keep (0 = all)
/// @param seed the seed of the split and of the subset
/// @return the training, validation and test sets and the normalization applied to them
DataSplits load_fashion_mnist_splits(const std::string& data_dir, std::size_t val_size, std::size_t train_size, std::uint64_t seed);

/// The normalization a run with these flags trained with, without loading the test set:
/// the mean and standard deviation of the training images left after holding out
/// @p val_size (seeded by @p seed), as load_fashion_mnist_splits() computes it for all the
/// training images (--train-size 0). A trained model must see new inputs through this map.
/// @param data_dir the folder, or "" to search (locate_fashion_mnist())
/// @param val_size the images held out for validation
/// @param seed the seed of the split
/// @return the training images' mean and standard deviation
Normalization fashion_mnist_training_normalization(const std::string& data_dir, std::size_t val_size, std::uint64_t seed);

/// @brief The ten class names, index = label.
/// @return "T-shirt/top", "Trouser", … "Ankle boot"
const std::vector<std::string>& fashion_mnist_classes();

}  // namespace dl

/// @file dataset.hpp
/// @brief A labelled set of images held in memory, and ways to cut it up.
#pragma once

#include "dl/data/normalize.hpp"
#include "dl/tensor.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace dl {

/// Images with one class label each.
struct ImageDataset {
    Tensor<float> images;                  ///< (N, C, H, W)
    std::vector<int> labels;               ///< (N), each in [0, class_names.size())
    std::vector<std::string> class_names;  ///< (K)

    /// @brief Number of examples N.
    /// @return N
    std::size_t size() const { return labels.size(); }
};

/// @brief The examples at positions @p indices, in that order.
/// @param data the dataset
/// @param indices positions in @p data; one past the end throws std::out_of_range
/// @return the chosen examples, with @p data's class names
ImageDataset select(const ImageDataset& data, const std::vector<std::size_t>& indices);

/// @brief A seeded random sample of @p count examples, in random order.
/// @param data the dataset
/// @param count how many to keep, at most data.size() (more throws std::invalid_argument)
/// @param seed the seed of the shuffle
/// @return the sample
ImageDataset random_subset(const ImageDataset& data, std::size_t count, std::uint64_t seed);

/// @p per_class examples of every class, chosen by a seeded shuffle, in the shuffled order:
/// "10 labels per class". Throws std::invalid_argument if a class has fewer.
/// @param data the dataset
/// @param per_class how many examples to keep of each class
/// @param seed the seed of the shuffle
/// @return the chosen examples
ImageDataset per_class_subset(const ImageDataset& data, std::size_t per_class, std::uint64_t seed);

/// Every example, except that class @p label keeps only a seeded random @p fraction of its
/// examples (at least one): an imbalanced variant of a balanced set.
/// @param data the dataset
/// @param label the class to thin out; it must have examples
/// @param fraction the share of its examples kept, in (0, 1]
/// @param seed the seed of the choice
/// @return the remaining examples, in their original order
ImageDataset reduce_class(const ImageDataset& data, int label, double fraction, std::uint64_t seed);

/// Training and validation parts of a dataset.
struct TrainValidation {
    ImageDataset train;       ///< What the model learns from.
    ImageDataset validation;  ///< Held out: what design decisions are judged on.
};

/// A dataset cut three ways, normalized with the training images' statistics.
struct DataSplits {
    ImageDataset train;       ///< what the weights are fitted to
    ImageDataset validation;  ///< what design decisions are judged on
    ImageDataset test;        ///< looked at once, at the end
    /// The map fitted on the training images and applied to all three sets. A black pixel
    /// is −mean/stddev after it: the value augmentation pads and erases with.
    Normalization normalization;
};

/// @brief Holds out @p validation_count examples, chosen by a seeded shuffle, as a validation set.
/// @param data the dataset
/// @param validation_count how many to hold out, fewer than data.size()
/// @param seed the seed of the shuffle
/// @return the rest as training set and the held-out examples, both in shuffled order
TrainValidation split_validation(const ImageDataset& data, std::size_t validation_count, std::uint64_t seed);

}  // namespace dl

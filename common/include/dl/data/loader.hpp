/// @file loader.hpp
/// @brief Cuts a dataset into mini-batches, reshuffled every epoch from a seed.
#pragma once

#include "dl/data/dataset.hpp"
#include "dl/util/random.hpp"

namespace dl {

/// One mini-batch.
struct Batch {
    Tensor<float> images;     ///< (B, C, H, W)
    std::vector<int> labels;  ///< (B) classes of images, or (B·H·W) classes of pixels (masks)
};

/// Iterates over a dataset in mini-batches; the last batch may be smaller. Each example is
/// an image and its labels: one class (classification) or one class per pixel (a mask).
///
///     loader.start_epoch();
///     Batch batch;
///     while (loader.next(batch)) { ... }
class DataLoader {
public:
    /// @param data the dataset, kept by reference: it must outlive the loader
    /// @param batch_size B, at least 1
    /// @param shuffle draw a fresh seeded order at every start_epoch().
    /// @param seed the seed of the shuffles
    /// @param drop_last skip a last, smaller batch (BatchNorm cannot train on a batch of 1).
    DataLoader(const ImageDataset& data, std::size_t batch_size, bool shuffle, std::uint64_t seed, bool drop_last = false);

    /// The same over images and their labels, any number of labels per image.
    /// @param images (N, C, H, W), kept by reference: it must outlive the loader
    /// @param labels (N·L): L labels per image (L = 1 for classes, H·W for masks), kept by reference
    /// @param batch_size B, at least 1
    /// @param shuffle draw a fresh seeded order at every start_epoch().
    /// @param seed the seed of the shuffles
    /// @param drop_last skip a last, smaller batch
    /// @throws std::invalid_argument if the labels do not divide evenly among the images
    DataLoader(const Tensor<float>& images, const std::vector<int>& labels, std::size_t batch_size, bool shuffle, std::uint64_t seed,
               bool drop_last = false);

    /// Begins a new pass over the data.
    void start_epoch();

    /// @brief Fills @p batch with the next examples; false once the epoch is over.
    /// @param batch overwritten with the next B (or, last, fewer) examples
    /// @return true if @p batch was filled, false once the epoch is over
    bool next(Batch& batch);

    /// @brief Batches per epoch.
    /// @return the number of batches next() gives per epoch
    std::size_t batches_per_epoch() const;

private:
    const Tensor<float>& images_;     // (N, C, H, W)
    const std::vector<int>& labels_;  // (N·L)
    std::size_t size_;                // N
    std::size_t batch_size_;
    bool shuffle_, drop_last_;
    Rng rng_;
    std::vector<std::size_t> order_;
    std::size_t position_ = 0;
};

}  // namespace dl

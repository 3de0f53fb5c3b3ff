#include "dl/data/loader.hpp"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <stdexcept>
#include <string>

namespace dl {

DataLoader::DataLoader(const ImageDataset& data, std::size_t batch_size, bool shuffle, std::uint64_t seed, bool drop_last)
    : DataLoader(data.images, data.labels, batch_size, shuffle, seed, drop_last) {}

DataLoader::DataLoader(const Tensor<float>& images, const std::vector<int>& labels, std::size_t batch_size, bool shuffle, std::uint64_t seed,
                       bool drop_last)
    : images_(images),
      labels_(labels),
      size_(images.dimension() == 0 ? 0 : images.shape(0)),
      batch_size_(batch_size),
      shuffle_(shuffle),
      drop_last_(drop_last),
      rng_(seed) {
    if (batch_size == 0) throw std::invalid_argument("DataLoader: batch size must be at least 1");
    if (size_ == 0 ? !labels.empty() : labels.size() % size_ != 0)
        throw std::invalid_argument("DataLoader: " + std::to_string(labels.size()) + " labels do not divide among " + std::to_string(size_) +
                                    " images");
    order_.resize(size_);
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    position_ = order_.size();  // nothing to read until start_epoch()
}

void DataLoader::start_epoch() {
    if (shuffle_) order_ = rng_.permutation(size_);
    position_ = 0;
}

bool DataLoader::next(Batch& batch) {
    if (position_ >= order_.size()) return false;
    const std::size_t count = std::min(batch_size_, order_.size() - position_);
    if (drop_last_ && count < batch_size_) return false;
    const std::size_t per_image = images_.size() / size_, labels_per_image = labels_.size() / size_;
    Shape shape = shape_of(images_);
    shape[0] = count;  // (B, C, H, W)
    if (shape_of(batch.images) != shape) batch.images = Tensor<float>::from_shape(shape);
    batch.labels.resize(count * labels_per_image);  // (B·L)
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t source = order_[position_ + i];
        std::memcpy(batch.images.data() + i * per_image, images_.data() + source * per_image, per_image * sizeof(float));
        std::copy_n(labels_.begin() + long(source * labels_per_image), labels_per_image, batch.labels.begin() + long(i * labels_per_image));
    }
    position_ += count;
    return true;
}

std::size_t DataLoader::batches_per_epoch() const { return drop_last_ ? size_ / batch_size_ : (size_ + batch_size_ - 1) / batch_size_; }

}  // namespace dl

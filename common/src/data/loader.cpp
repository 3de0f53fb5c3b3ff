#include "dl/data/loader.hpp"

#include <cstring>
#include <numeric>
#include <stdexcept>

namespace dl {

DataLoader::DataLoader(const ImageDataset& data, std::size_t batch_size, bool shuffle, std::uint64_t seed, bool drop_last)
    : data_(data), batch_size_(batch_size), shuffle_(shuffle), drop_last_(drop_last), rng_(seed) {
    if (batch_size == 0) throw std::invalid_argument("DataLoader: batch size must be at least 1");
    order_.resize(data.size());
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    position_ = order_.size();  // nothing to read until start_epoch()
}

void DataLoader::start_epoch() {
    if (shuffle_) order_ = rng_.permutation(data_.size());
    position_ = 0;
}

bool DataLoader::next(Batch& batch) {
    if (position_ >= order_.size()) return false;
    const std::size_t count = std::min(batch_size_, order_.size() - position_);
    if (drop_last_ && count < batch_size_) return false;
    const std::size_t per_image = data_.images.size() / data_.size();
    Shape shape = shape_of(data_.images);
    shape[0] = count;  // (B, C, H, W)
    if (shape_of(batch.images) != shape) batch.images = Tensor<float>::from_shape(shape);
    batch.labels.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t source = order_[position_ + i];
        std::memcpy(batch.images.data() + i * per_image, data_.images.data() + source * per_image, per_image * sizeof(float));
        batch.labels[i] = data_.labels[source];
    }
    position_ += count;
    return true;
}

std::size_t DataLoader::batches_per_epoch() const {
    return drop_last_ ? data_.size() / batch_size_ : (data_.size() + batch_size_ - 1) / batch_size_;
}

}  // namespace dl

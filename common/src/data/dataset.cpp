#include "dl/data/dataset.hpp"

#include "dl/util/random.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace dl {

ImageDataset select(const ImageDataset& data, const std::vector<std::size_t>& indices) {
    ImageDataset out;
    out.class_names = data.class_names;
    Shape shape = shape_of(data.images);  // (N, C, H, W)
    const std::size_t per_image = data.size() == 0 ? 0 : data.images.size() / data.size();
    shape[0] = indices.size();
    out.images = Tensor<float>::from_shape(shape);
    out.labels.reserve(indices.size());
    for (std::size_t i = 0; i < indices.size(); ++i) {
        if (indices[i] >= data.size()) throw std::out_of_range("select: index " + std::to_string(indices[i]) + " past the end of the dataset");
        std::memcpy(out.images.data() + i * per_image, data.images.data() + indices[i] * per_image, per_image * sizeof(float));
        out.labels.push_back(data.labels[indices[i]]);
    }
    return out;
}

ImageDataset random_subset(const ImageDataset& data, std::size_t count, std::uint64_t seed) {
    if (count > data.size()) {
        throw std::invalid_argument("a random subset of " + std::to_string(count) + " examples was asked of " + std::to_string(data.size()));
    }
    Rng rng(seed);
    std::vector<std::size_t> order = rng.permutation(data.size());
    order.resize(count);
    return select(data, order);
}

ImageDataset per_class_subset(const ImageDataset& data, std::size_t per_class, std::uint64_t seed) {
    std::vector<std::size_t> available(data.class_names.size(), 0);
    for (int label : data.labels) {
        if (std::size_t(label) >= available.size()) available.resize(std::size_t(label) + 1, 0);
        ++available[std::size_t(label)];
    }
    for (std::size_t c = 0; c < available.size(); ++c) {
        if (available[c] < per_class) {
            const std::string name = c < data.class_names.size() ? "'" + data.class_names[c] + "'" : std::to_string(c);
            throw std::invalid_argument(std::to_string(per_class) + " examples per class were asked, but class " + name + " has only " +
                                        std::to_string(available[c]));
        }
    }
    std::vector<std::size_t> taken(data.class_names.size(), 0), chosen;
    for (std::size_t i : Rng(seed).permutation(data.size())) {
        const auto label = std::size_t(data.labels[i]);
        if (label >= taken.size()) taken.resize(label + 1, 0);
        if (taken[label] < per_class) {
            ++taken[label];
            chosen.push_back(i);
        }
    }
    return select(data, chosen);
}

ImageDataset reduce_class(const ImageDataset& data, int label, double fraction, std::uint64_t seed) {
    if (!(fraction > 0 && fraction <= 1)) throw std::invalid_argument("reduce_class: fraction must be in (0, 1], got " + std::to_string(fraction));
    std::vector<std::size_t> of_class, kept;
    for (std::size_t i = 0; i < data.size(); ++i)
        if (data.labels[i] == label) of_class.push_back(i);
    if (of_class.empty()) throw std::invalid_argument("reduce_class: class " + std::to_string(label) + " has no examples");
    const auto keep = std::max<std::size_t>(1, std::size_t(std::lround(fraction * double(of_class.size()))));
    std::vector<bool> drop(data.size(), false);
    const std::vector<std::size_t> order = Rng(seed).permutation(of_class.size());
    for (std::size_t k = keep; k < order.size(); ++k) drop[of_class[order[k]]] = true;
    for (std::size_t i = 0; i < data.size(); ++i)
        if (!drop[i]) kept.push_back(i);
    return select(data, kept);
}

TrainValidation split_validation(const ImageDataset& data, std::size_t validation_count, std::uint64_t seed) {
    if (validation_count >= data.size()) {
        throw std::invalid_argument("split_validation: cannot hold out " + std::to_string(validation_count) +
                                    " of " + std::to_string(data.size()) + " examples");
    }
    Rng rng(seed);
    const std::vector<std::size_t> order = rng.permutation(data.size());
    const std::vector<std::size_t> held(order.begin(), order.begin() + std::ptrdiff_t(validation_count));
    const std::vector<std::size_t> kept(order.begin() + std::ptrdiff_t(validation_count), order.end());
    return {select(data, kept), select(data, held)};
}

}  // namespace dl

#include "dl/train/batch_policy.hpp"

#include "dl/data/augment.hpp"
#include "dl/data/mixup.hpp"

#include <memory>
#include <stdexcept>

namespace dl {

std::function<void(Batch&)> make_augmentation(const std::string& policy, float fill, std::uint64_t seed) {
    if (policy == "none") return {};
    const bool crop = policy == "flip-crop" || policy == "flip-crop-erase";
    const bool erase = policy == "flip-crop-erase";
    if (policy != "flip" && !crop) {
        throw std::invalid_argument("unknown augmentation '" + policy + "' (expected none, flip, flip-crop or flip-crop-erase)");
    }
    auto rng = std::make_shared<Rng>(seed);  // shared by the copies std::function may make
    return [=](Batch& batch) {
        random_horizontal_flip(batch.images, *rng);
        if (crop) random_crop(batch.images, 2, *rng, fill);
        if (erase) random_erasing(batch.images, *rng, 0.5, 0.02, 0.25, fill);
    };
}

std::function<Tensor<float>(Batch&)> make_soft_targets(std::size_t classes, double mixup_alpha, double smoothing, std::uint64_t seed) {
    if (mixup_alpha > 0.0) {
        auto rng = std::make_shared<Rng>(seed);
        return [=](Batch& batch) {
            MixedBatch mixed = mixup(batch, classes, mixup_alpha, *rng, smoothing);
            batch.images = std::move(mixed.images);
            return mixed.targets;
        };
    }
    if (smoothing > 0.0) return [=](Batch& batch) { return one_hot(batch.labels, classes, smoothing); };
    return {};
}

}  // namespace dl

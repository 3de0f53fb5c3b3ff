#include "dl/explain/feature_maps.hpp"

#include "dl/io/image_grid.hpp"

#include <algorithm>
#include <stdexcept>

namespace dl {

std::vector<FeatureStage> feature_stages(const LayerChain& chain, const Tensor<float>& x) {
    if (x.dimension() != 4 || x.shape(0) != 1) throw std::invalid_argument("feature_stages: expected one image (1, C, H, W), got " + shape_string(shape_of(x)));
    std::vector<FeatureStage> stages;
    Tensor<float> h = x;
    for (std::size_t i = 0; i < chain.size(); ++i) {
        h = chain[i]->forward(h);
        if (h.dimension() != 4) break;
        const bool same_size = !stages.empty() && stages.back().maps.shape(2) == h.shape(2) && stages.back().maps.shape(3) == h.shape(3);
        if (same_size) stages.back() = {i, h};
        else stages.push_back({i, h});
    }
    return stages;
}

void save_feature_maps(const std::string& png_path, const Tensor<float>& x, const std::vector<FeatureStage>& stages, int per_row) {
    constexpr int kCell = 56;  // a 28×28 map at twice its size; captions of 7 characters fit
    ImageGrid grid(int(stages.size()) + 1, per_row, kCell, 2);
    const int height = int(x.shape(2)), width = int(x.shape(3));
    grid.place(0, x.data(), height, width, "INPUT\n" + std::to_string(width) + "X" + std::to_string(height));
    for (std::size_t s = 0; s < stages.size(); ++s) {
        const Tensor<float>& maps = stages[s].maps;  // (1, K, H, W)
        const int k = int(maps.shape(1)), h = int(maps.shape(2)), w = int(maps.shape(3));
        for (int m = 0; m < std::min(k, per_row); ++m) {
            const std::string caption = m == 0 ? std::to_string(w) + "X" + std::to_string(h) + "\n" + std::to_string(std::min(k, per_row)) + "/" + std::to_string(k) : "";
            grid.place(int(s + 1) * per_row + m, maps.data() + std::size_t(m) * std::size_t(h * w), h, w, caption);
        }
    }
    grid.write(png_path);
}

}  // namespace dl

#include "dl/train/gradient_norms.hpp"

#include <cmath>

namespace dl {

std::vector<GradientNorm> gradient_norms(Layer<float>& model, bool weights_only) { return gradient_norms(model.parameters(), weights_only); }

std::vector<GradientNorm> gradient_norms(const std::vector<Parameter<float>*>& parameters, bool weights_only) {
    const std::string suffix = "weight";
    std::vector<GradientNorm> norms;
    for (const Parameter<float>* p : parameters) {
        const bool is_weight = p->name.size() >= suffix.size() && p->name.compare(p->name.size() - suffix.size(), suffix.size(), suffix) == 0;
        if (weights_only && !is_weight) continue;
        double sum = 0;
        for (float g : p->grad) sum += double(g) * double(g);
        norms.push_back({p->name, std::sqrt(sum)});
    }
    return norms;
}

}  // namespace dl

// Reference answers to the chapter-4 exercises. `./book test` links the exercise tests
// against this file (all must pass) and against the untouched stubs (all must fail).
#include "exercises.hpp"

#include <xtensor/xmath.hpp>
#include <xtensor/xoperation.hpp>
#include <xtensor/xview.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ex04 {

Array residual_forward(const Array& x, const ArrayFunction& branch) { return xt::maximum(branch(x) + x, 0.0); }

ResidualGradients residual_backward(const Array& dy, const Array& sum, const ArrayFunction& branch_backward) {
    ResidualGradients g;
    g.d_sum = xt::where(sum > 0.0, dy, 0.0);
    g.dx = branch_backward(g.d_sum) + g.d_sum;
    return g;
}

Array projection_shortcut(const Array& x, const Array& weight, int stride) {
    const std::size_t n = x.shape(0), c = x.shape(1), f = weight.shape(0);
    const std::size_t oh = (x.shape(2) - 1) / std::size_t(stride) + 1, ow = (x.shape(3) - 1) / std::size_t(stride) + 1;
    Array y = xt::zeros<double>({n, f, oh, ow});
    for (std::size_t b = 0; b < n; ++b)
        for (std::size_t o = 0; o < f; ++o)
            for (std::size_t i = 0; i < oh; ++i)
                for (std::size_t j = 0; j < ow; ++j)
                    for (std::size_t k = 0; k < c; ++k) y(b, o, i, j) += weight(o, k) * x(b, k, i * stride, j * stride);
    return y;
}

Array stochastic_depth_forward(const Array& x, const Array& branch_out, double p, double uniform, bool training) {
    const double scale = training ? (uniform < p ? 0.0 : 1.0) : 1.0 - p;
    return xt::maximum(scale * branch_out + x, 0.0);
}

std::vector<double> gradient_norm_probe(const std::vector<NamedGradient>& gradients) {
    const std::string suffix = "weight";
    std::vector<double> norms;
    for (const NamedGradient& g : gradients) {
        const bool weight = g.name.size() >= suffix.size() && g.name.compare(g.name.size() - suffix.size(), suffix.size(), suffix) == 0;
        if (weight && g.name.find("shortcut") == std::string::npos) norms.push_back(std::sqrt(double(xt::sum(g.grad * g.grad)())));
    }
    return norms;
}

GradCamMap grad_cam_from_gradients(const Array& activations, const Array& gradients) {
    const std::size_t k = activations.shape(0), h = activations.shape(1), w = activations.shape(2);
    GradCamMap out;
    out.map = xt::zeros<double>({h, w});
    for (std::size_t m = 0; m < k; ++m) {
        const Array a = xt::view(activations, m), g = xt::view(gradients, m);
        out.weights.push_back(double(xt::mean(g)()));
        out.map += out.weights.back() * a;
    }
    out.map = xt::maximum(out.map, 0.0);
    return out;
}

Array invert_and_centre(const Array& photo, std::size_t side) {
    const std::size_t rows = photo.shape(0), cols = photo.shape(1);
    const auto border_mean = [&](const Array& image) {
        double sum = 0;
        std::size_t count = 0;
        for (std::size_t y = 0; y < rows; ++y)
            for (std::size_t x = 0; x < cols; ++x)
                if (y == 0 || x == 0 || y + 1 == rows || x + 1 == cols) sum += image(y, x), ++count;
        return sum / double(count);
    };
    Array image = photo;
    if (border_mean(image) > 0.5) image = 1.0 - image;
    const double b = border_mean(image), t = b + (double(xt::amax(image)()) - b) / 4;
    std::size_t top = rows, left = cols, bottom = 0, right = 0;
    for (std::size_t y = 0; y < rows; ++y)
        for (std::size_t x = 0; x < cols; ++x)
            if (image(y, x) > t) top = std::min(top, y), bottom = std::max(bottom, y), left = std::min(left, x), right = std::max(right, x);
    if (top == rows) throw std::invalid_argument("nothing stands out from the background");
    const std::size_t h = bottom - top + 1, w = right - left + 1;
    if (h > side || w > side) throw std::invalid_argument("the object does not fit");
    Array out = xt::zeros<double>({side, side});
    for (std::size_t y = 0; y < h; ++y)
        for (std::size_t x = 0; x < w; ++x) out((side - h) / 2 + y, (side - w) / 2 + x) = std::max(0.0, image(top + y, left + x) - b);
    return out;
}

}  // namespace ex04

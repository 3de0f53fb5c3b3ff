// Reference answers to the chapter-3 exercises. `./book test` links the exercise tests
// against this file (all must pass) and against the untouched stubs (all must fail).
#include "exercises.hpp"

#include "dl/layers/batch_norm.hpp"
#include "dl/optim/schedules.hpp"

#include <xtensor/xview.hpp>

namespace ex03 {

namespace {

dl::BatchNorm2d<double> batch_norm_layer(const Array& gamma, double epsilon) {
    dl::BatchNorm2d<double> bn(gamma.size(), 0.1, epsilon);
    bn.gamma().value = gamma;
    return bn;
}

}  // namespace

Array batch_norm_forward(const Array& x, const Array& gamma, const Array& beta, double epsilon) {
    dl::BatchNorm2d<double> bn = batch_norm_layer(gamma, epsilon);
    bn.beta().value = beta;
    return bn.forward(x);
}

BatchNormGradients batch_norm_backward(const Array& x, const Array& gamma, const Array& dy, double epsilon) {
    dl::BatchNorm2d<double> bn = batch_norm_layer(gamma, epsilon);
    bn.forward(x);
    BatchNormGradients g;
    g.dx = bn.backward(dy);
    g.dgamma = bn.gamma().grad;
    g.dbeta = bn.beta().grad;
    return g;
}

Array dropout_forward(const Array& x, const Array& uniforms, double p) {
    Array y = x;
    for (std::size_t i = 0; i < y.size(); ++i) y.data()[i] = uniforms.data()[i] < p ? 0.0 : x.data()[i] / (1.0 - p);
    return y;
}

Array shift_image(const Array& image, int dy, int dx, double fill) {
    const int h = int(image.shape(1)), w = int(image.shape(2));
    Array out = Array::from_shape(image.shape());  // (C, H, W)
    for (std::size_t c = 0; c < image.shape(0); ++c)
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const int sy = y + dy, sx = x + dx;
                out(c, y, x) = (sy >= 0 && sy < h && sx >= 0 && sx < w) ? image(c, sy, sx) : fill;
            }
    return out;
}

Mixed mixup_batch(const Array& images, const Array& targets, double lambda, const std::vector<std::size_t>& partner) {
    Mixed mixed{images, targets};
    for (std::size_t i = 0; i < partner.size(); ++i) {
        xt::view(mixed.images, i) = lambda * xt::view(images, i) + (1 - lambda) * xt::view(images, partner[i]);
        xt::view(mixed.targets, i) = lambda * xt::view(targets, i) + (1 - lambda) * xt::view(targets, partner[i]);
    }
    return mixed;
}

double one_cycle(double t, double warmup, double div_factor, double final_div) {
    return dl::one_cycle_schedule(warmup, div_factor, final_div)(t);
}

}  // namespace ex03

// Reference answers to the chapter-5 exercises. `./book test` links the exercise tests
// against this file (all must pass) and against the untouched stubs (all must fail).
#include "exercises.hpp"

#include <xtensor/xview.hpp>

namespace ex05 {

namespace {

// Calls visit(c, i, j, f, oy, ox, kh, kw) for every input pixel and kernel tap whose output
// pixel (f, oy, ox) = (f, i·s − p + kh, j·s − p + kw) exists.
template <class Visit>
void for_each_tap(const dl::Shape& x_shape, const dl::Shape& w_shape, int s, int p, int oh, int ow, Visit visit) {
    const int c_in = int(x_shape[0]), h = int(x_shape[1]), w = int(x_shape[2]), f_out = int(w_shape[1]), k = int(w_shape[2]);
    for (int c = 0; c < c_in; ++c)
        for (int i = 0; i < h; ++i)
            for (int j = 0; j < w; ++j)
                for (int f = 0; f < f_out; ++f)
                    for (int kh = 0; kh < k; ++kh)
                        for (int kw = 0; kw < k; ++kw) {
                            const int oy = i * s - p + kh, ox = j * s - p + kw;
                            if (oy >= 0 && oy < oh && ox >= 0 && ox < ow) visit(c, i, j, f, oy, ox, kh, kw);
                        }
}

}  // namespace

Array conv_transpose_forward(const Array& x, const Array& weight, int stride, int padding) {
    const int k = int(weight.shape(2));
    const int oh = (int(x.shape(1)) - 1) * stride - 2 * padding + k, ow = (int(x.shape(2)) - 1) * stride - 2 * padding + k;
    Array y = xt::zeros<double>({weight.shape(1), std::size_t(oh), std::size_t(ow)});
    for_each_tap(dl::shape_of(x), dl::shape_of(weight), stride, padding, oh, ow, [&](int c, int i, int j, int f, int oy, int ox, int kh, int kw) {
        y(f, oy, ox) += x(c, i, j) * weight(c, f, kh, kw);
    });
    return y;
}

ConvTransposeGradients conv_transpose_backward(const Array& dy, const Array& x, const Array& weight, int stride, int padding) {
    ConvTransposeGradients g{xt::zeros<double>(x.shape()), xt::zeros<double>(weight.shape())};
    for_each_tap(dl::shape_of(x), dl::shape_of(weight), stride, padding, int(dy.shape(1)), int(dy.shape(2)),
                 [&](int c, int i, int j, int f, int oy, int ox, int kh, int kw) {
                     g.dx(c, i, j) += dy(f, oy, ox) * weight(c, f, kh, kw);
                     g.dweight(c, f, kh, kw) += dy(f, oy, ox) * x(c, i, j);
                 });
    return g;
}

std::pair<Array, Array> concat_backward(const Array& dy, std::size_t channels_a) {
    return {xt::view(dy, xt::all(), xt::range(0, channels_a)), xt::view(dy, xt::all(), xt::range(channels_a, dy.shape(1)))};
}

DiceResult dice_loss(const Array& probs, const std::vector<int>& labels, double smoothing) {
    const std::size_t n = probs.shape(0), k = probs.shape(1), plane = probs.shape(2) * probs.shape(3);
    std::vector<double> overlap(k, 0.0), total(k, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t p = 0; p < plane; ++p) {
            const std::size_t label = std::size_t(labels[i * plane + p]);
            for (std::size_t c = 0; c < k; ++c) total[c] += probs.data()[(i * k + c) * plane + p];
            overlap[label] += probs.data()[(i * k + label) * plane + p];
            total[label] += 1.0;
        }
    DiceResult result{1.0, Array::from_shape(probs.shape())};
    for (std::size_t c = 0; c < k; ++c) result.loss -= (2 * overlap[c] + smoothing) / (total[c] + smoothing) / double(k);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t c = 0; c < k; ++c)
            for (std::size_t p = 0; p < plane; ++p) {
                const double t = labels[i * plane + p] == int(c) ? 1.0 : 0.0, d = total[c] + smoothing;
                result.dprobs.data()[(i * k + c) * plane + p] = -(2 * t * d - (2 * overlap[c] + smoothing)) / (double(k) * d * d);
            }
    return result;
}

std::vector<double> class_iou(const std::vector<int>& predicted, const std::vector<int>& truth, int classes) {
    std::vector<double> both(std::size_t(classes), 0.0), either(std::size_t(classes), 0.0);
    for (std::size_t i = 0; i < truth.size(); ++i) {
        if (predicted[i] == truth[i]) {
            both[std::size_t(truth[i])] += 1;
            either[std::size_t(truth[i])] += 1;
        } else {
            either[std::size_t(truth[i])] += 1;
            either[std::size_t(predicted[i])] += 1;
        }
    }
    std::vector<double> iou(std::size_t(classes), 0.0);
    for (std::size_t c = 0; c < iou.size(); ++c) iou[c] = either[c] > 0 ? both[c] / either[c] : 0.0;
    return iou;
}

}  // namespace ex05

// Reference answers to the chapter-2 exercises, built from the library's functions.
// `./book test` links the exercise tests against this file (all must pass) and against
// the untouched stubs (all must fail).
#include "exercises.hpp"

#include "dl/layers/conv2d.hpp"
#include "dl/layers/conv2d_naive.hpp"
#include "dl/layers/im2col.hpp"
#include "dl/layers/max_pool2d.hpp"

namespace ex02 {

namespace {

dl::ConvGeometry geometry(int channels, int height, int width, int kernel, int stride, int padding) {
    return {channels, height, width, kernel, kernel, stride, padding};
}

dl::ConvShape conv_shape(const Array& x, const Array& w, int stride, int padding) {
    return {int(x.shape(0)), int(w.shape(0)), geometry(int(x.shape(1)), int(x.shape(2)), int(x.shape(3)), int(w.shape(2)), stride, padding)};
}

}  // namespace

Array im2col(const Array& image, int kernel, int stride, int padding) {
    const dl::ConvGeometry g = geometry(int(image.shape(0)), int(image.shape(1)), int(image.shape(2)), kernel, stride, padding);
    Array col = Array::from_shape({std::size_t(g.patch_size()), std::size_t(g.positions())});
    dl::im2col(image.data(), g, col.data(), std::size_t(g.positions()));
    return col;
}

Array col2im(const Array& col, int channels, int height, int width, int kernel, int stride, int padding) {
    const dl::ConvGeometry g = geometry(channels, height, width, kernel, stride, padding);
    Array image = xt::zeros<double>({std::size_t(channels), std::size_t(height), std::size_t(width)});
    dl::col2im(col.data(), g, image.data(), std::size_t(g.positions()));
    return image;
}

Array conv2d_forward_gemm(const Array& x, const Array& w, const Array& b, int stride, int padding) {
    dl::Rng unused(0);
    dl::Conv2d<double> conv(int(x.shape(1)), int(w.shape(0)), int(w.shape(2)), stride, padding, dl::Init::zeros, unused);
    conv.weight().value = w;
    conv.bias().value = b;
    return conv.forward(x);
}

Array maxpool_backward(const Array& x, const Array& dy, int kernel) {
    dl::MaxPool2d<double> pool(kernel);
    pool.forward(x);
    return pool.backward(dy);
}

Array conv2d_naive(const Array& x, const Array& w, const Array& b, int stride, int padding) {
    const dl::ConvShape s = conv_shape(x, w, stride, padding);
    Array y = Array::from_shape({x.shape(0), w.shape(0), std::size_t(s.geometry.out_h()), std::size_t(s.geometry.out_w())});
    dl::conv2d_naive_forward(s, x.data(), w.data(), b.data(), y.data());
    return y;
}

}  // namespace ex02

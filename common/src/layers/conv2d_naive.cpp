#include "dl/layers/conv2d_naive.hpp"

#include <algorithm>

namespace dl {

template <class T>
void conv2d_naive_forward(const ConvShape& s, const T* x, const T* w, const T* b, T* y) {
    const ConvGeometry& g = s.geometry;
    const int oh_count = g.out_h(), ow_count = g.out_w();
    for (int n = 0; n < s.batch; ++n)
        for (int f = 0; f < s.out_channels; ++f)
            for (int oh = 0; oh < oh_count; ++oh)
                for (int ow = 0; ow < ow_count; ++ow) {
                    T sum = b ? b[f] : T(0);
                    for (int c = 0; c < g.channels; ++c)
                        for (int kh = 0; kh < g.kernel_h; ++kh)
                            for (int kw = 0; kw < g.kernel_w; ++kw) {
                                const int ih = oh * g.stride - g.padding + kh;
                                const int iw = ow * g.stride - g.padding + kw;
                                if (ih < 0 || ih >= g.height || iw < 0 || iw >= g.width) continue;
                                sum += w[((f * g.channels + c) * g.kernel_h + kh) * g.kernel_w + kw] *
                                       x[((std::size_t(n) * g.channels + c) * g.height + ih) * g.width + iw];
                            }
                    y[((std::size_t(n) * s.out_channels + f) * oh_count + oh) * ow_count + ow] = sum;
                }
}

template <class T>
void conv2d_naive_backward(const ConvShape& s, const T* x, const T* w, const T* dy, T* dx, T* dw, T* db) {
    const ConvGeometry& g = s.geometry;
    const int oh_count = g.out_h(), ow_count = g.out_w();
    std::fill(dx, dx + std::size_t(s.batch) * g.channels * g.height * g.width, T(0));
    for (int n = 0; n < s.batch; ++n)
        for (int f = 0; f < s.out_channels; ++f)
            for (int oh = 0; oh < oh_count; ++oh)
                for (int ow = 0; ow < ow_count; ++ow) {
                    const T g_out = dy[((std::size_t(n) * s.out_channels + f) * oh_count + oh) * ow_count + ow];
                    if (db) db[f] += g_out;
                    for (int c = 0; c < g.channels; ++c)
                        for (int kh = 0; kh < g.kernel_h; ++kh)
                            for (int kw = 0; kw < g.kernel_w; ++kw) {
                                const int ih = oh * g.stride - g.padding + kh;
                                const int iw = ow * g.stride - g.padding + kw;
                                if (ih < 0 || ih >= g.height || iw < 0 || iw >= g.width) continue;
                                const std::size_t wi = ((f * g.channels + c) * g.kernel_h + kh) * g.kernel_w + kw;
                                const std::size_t xi = ((std::size_t(n) * g.channels + c) * g.height + ih) * g.width + iw;
                                dw[wi] += g_out * x[xi];
                                dx[xi] += g_out * w[wi];
                            }
                }
}

template void conv2d_naive_forward<float>(const ConvShape&, const float*, const float*, const float*, float*);
template void conv2d_naive_forward<double>(const ConvShape&, const double*, const double*, const double*, double*);
template void conv2d_naive_backward<float>(const ConvShape&, const float*, const float*, const float*, float*, float*, float*);
template void conv2d_naive_backward<double>(const ConvShape&, const double*, const double*, const double*, double*, double*, double*);

}  // namespace dl

#include "dl/layers/im2col.hpp"

#include <algorithm>

namespace dl {

namespace {

// The output columns [first, last) whose input column ow·stride − padding + kw lies
// inside the image: outside that range the window sees padding.
struct ValidColumns {
    int first, last;
};

ValidColumns valid_columns(const ConvGeometry& g, int kw) {
    const int offset = kw - g.padding;  // iw = ow·stride + offset
    int first = offset >= 0 ? 0 : (-offset + g.stride - 1) / g.stride;
    int last = g.width - 1 - offset < 0 ? 0 : (g.width - 1 - offset) / g.stride + 1;
    last = std::min(last, g.out_w());
    first = std::min(first, last);
    return {first, last};
}

}  // namespace

// Row r = (c, kh, kw) of the column matrix holds, for each output position (oh, ow),
// the input pixel (c, oh·stride − padding + kh, ow·stride − padding + kw).
template <class T>
void im2col(const T* image, const ConvGeometry& g, T* col, std::size_t col_stride) {
    const int oh_count = g.out_h(), ow_count = g.out_w();
    for (int c = 0; c < g.channels; ++c) {
        const T* plane = image + std::size_t(c) * g.height * g.width;  // (H, W)
        for (int kh = 0; kh < g.kernel_h; ++kh) {
            for (int kw = 0; kw < g.kernel_w; ++kw) {
                T* row = col + (std::size_t(c * g.kernel_h + kh) * g.kernel_w + kw) * col_stride;  // (OH·OW)
                const int offset = kw - g.padding;  // iw = ow·stride + offset
                const ValidColumns cols = valid_columns(g, kw);
                for (int oh = 0; oh < oh_count; ++oh) {
                    const int ih = oh * g.stride - g.padding + kh;
                    T* out = row + std::size_t(oh) * ow_count;
                    if (ih < 0 || ih >= g.height) {
                        for (int ow = 0; ow < ow_count; ++ow) out[ow] = T(0);
                        continue;
                    }
                    // Padding on the left, the image's values in the middle, padding on the right:
                    // three branch-free loops instead of a bounds test per element.
                    const T* in = plane + std::size_t(ih) * g.width;  // input row ih
                    for (int ow = 0; ow < cols.first; ++ow) out[ow] = T(0);
                    if (g.stride == 1) {
                        for (int ow = cols.first; ow < cols.last; ++ow) out[ow] = in[ow + offset];
                    } else {
                        for (int ow = cols.first; ow < cols.last; ++ow) out[ow] = in[ow * g.stride + offset];
                    }
                    for (int ow = cols.last; ow < ow_count; ++ow) out[ow] = T(0);
                }
            }
        }
    }
}

template <class T>
void col2im(const T* col, const ConvGeometry& g, T* image, std::size_t col_stride) {
    const int oh_count = g.out_h(), ow_count = g.out_w();
    for (int c = 0; c < g.channels; ++c) {
        T* plane = image + std::size_t(c) * g.height * g.width;  // (H, W)
        for (int kh = 0; kh < g.kernel_h; ++kh) {
            for (int kw = 0; kw < g.kernel_w; ++kw) {
                const T* row = col + (std::size_t(c * g.kernel_h + kh) * g.kernel_w + kw) * col_stride;
                const int offset = kw - g.padding;  // iw = ow·stride + offset
                const ValidColumns cols = valid_columns(g, kw);
                for (int oh = 0; oh < oh_count; ++oh) {
                    const int ih = oh * g.stride - g.padding + kh;
                    if (ih < 0 || ih >= g.height) continue;
                    const T* in = row + std::size_t(oh) * ow_count;
                    T* out = plane + std::size_t(ih) * g.width;  // input row ih
                    if (g.stride == 1) {
                        for (int ow = cols.first; ow < cols.last; ++ow) out[ow + offset] += in[ow];
                    } else {
                        for (int ow = cols.first; ow < cols.last; ++ow) out[ow * g.stride + offset] += in[ow];
                    }
                }
            }
        }
    }
}

template void im2col<float>(const float*, const ConvGeometry&, float*, std::size_t);
template void im2col<double>(const double*, const ConvGeometry&, double*, std::size_t);
template void col2im<float>(const float*, const ConvGeometry&, float*, std::size_t);
template void col2im<double>(const double*, const ConvGeometry&, double*, std::size_t);

}  // namespace dl

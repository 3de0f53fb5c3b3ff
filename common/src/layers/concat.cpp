#include "dl/layers/concat.hpp"

#include <algorithm>
#include <stdexcept>

namespace dl {

template <class T>
Tensor<T> concat_channels(const Tensor<T>& a, const Tensor<T>& b) {
    if (a.dimension() != 4 || b.dimension() != 4 || a.shape(0) != b.shape(0) || a.shape(2) != b.shape(2) || a.shape(3) != b.shape(3)) {
        throw std::invalid_argument("concat_channels: cannot join " + shape_string(shape_of(a)) + " and " + shape_string(shape_of(b)) +
                                    " along channels (N, H and W must agree)");
    }
    const std::size_t n = a.shape(0), ca = a.shape(1), cb = b.shape(1), plane = a.shape(2) * a.shape(3);
    Tensor<T> y = Tensor<T>::from_shape({n, ca + cb, a.shape(2), a.shape(3)});  // (N, Ca + Cb, H, W)
    //! [concat_forward]
    for (std::size_t i = 0; i < n; ++i) {
        T* out = y.data() + i * (ca + cb) * plane;
        std::copy_n(a.data() + i * ca * plane, ca * plane, out);               // a's channels first ...
        std::copy_n(b.data() + i * cb * plane, cb * plane, out + ca * plane);  // ... then b's
    }
    //! [concat_forward]
    return y;
}

template <class T>
std::pair<Tensor<T>, Tensor<T>> split_channels(const Tensor<T>& dy, std::size_t channels_a) {
    if (dy.dimension() != 4 || channels_a > dy.shape(1)) {
        throw std::invalid_argument("split_channels: cannot take " + std::to_string(channels_a) + " channels from " + shape_string(shape_of(dy)));
    }
    const std::size_t n = dy.shape(0), ca = channels_a, cb = dy.shape(1) - ca, plane = dy.shape(2) * dy.shape(3);
    Tensor<T> da = Tensor<T>::from_shape({n, ca, dy.shape(2), dy.shape(3)});  // (N, Ca, H, W)
    Tensor<T> db = Tensor<T>::from_shape({n, cb, dy.shape(2), dy.shape(3)});  // (N, Cb, H, W)
    for (std::size_t i = 0; i < n; ++i) {
        const T* in = dy.data() + i * (ca + cb) * plane;
        std::copy_n(in, ca * plane, da.data() + i * ca * plane);
        std::copy_n(in + ca * plane, cb * plane, db.data() + i * cb * plane);
    }
    return {da, db};
}

template Tensor<float> concat_channels(const Tensor<float>&, const Tensor<float>&);
template Tensor<double> concat_channels(const Tensor<double>&, const Tensor<double>&);
template std::pair<Tensor<float>, Tensor<float>> split_channels(const Tensor<float>&, std::size_t);
template std::pair<Tensor<double>, Tensor<double>> split_channels(const Tensor<double>&, std::size_t);

}  // namespace dl

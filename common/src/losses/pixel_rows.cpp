#include "dl/losses/pixel_rows.hpp"

#include <stdexcept>

namespace dl {

template <class T>
Tensor<T> pixels_as_rows(const Tensor<T>& maps) {
    if (maps.dimension() != 4) throw std::invalid_argument("pixels_as_rows: expected (N, K, H, W), got " + shape_string(shape_of(maps)));
    const std::size_t n = maps.shape(0), k = maps.shape(1), plane = maps.shape(2) * maps.shape(3);
    Tensor<T> rows = Tensor<T>::from_shape({n * plane, k});  // (N·H·W, K)
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t c = 0; c < k; ++c) {
            const T* in = maps.data() + (i * k + c) * plane;  // (H·W) scores of class c
            T* out = rows.data() + i * plane * k + c;
            for (std::size_t p = 0; p < plane; ++p) out[p * k] = in[p];
        }
    }
    return rows;
}

template <class T>
Tensor<T> rows_as_pixels(const Tensor<T>& rows, const Shape& map_shape) {
    if (map_shape.size() != 4 || rows.dimension() != 2 || rows.shape(1) != map_shape[1] ||
        rows.shape(0) != map_shape[0] * map_shape[2] * map_shape[3]) {
        throw std::invalid_argument("rows_as_pixels: rows " + shape_string(shape_of(rows)) + " do not fit maps " + shape_string(map_shape));
    }
    const std::size_t n = map_shape[0], k = map_shape[1], plane = map_shape[2] * map_shape[3];
    Tensor<T> maps = Tensor<T>::from_shape(map_shape);  // (N, K, H, W)
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t c = 0; c < k; ++c) {
            const T* in = rows.data() + i * plane * k + c;
            T* out = maps.data() + (i * k + c) * plane;
            for (std::size_t p = 0; p < plane; ++p) out[p] = in[p * k];
        }
    }
    return maps;
}

template Tensor<float> pixels_as_rows(const Tensor<float>&);
template Tensor<double> pixels_as_rows(const Tensor<double>&);
template Tensor<float> rows_as_pixels(const Tensor<float>&, const Shape&);
template Tensor<double> rows_as_pixels(const Tensor<double>&, const Shape&);

}  // namespace dl

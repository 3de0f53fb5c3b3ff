#include "dl/layers/winograd.hpp"

#include "dl/blas.hpp"

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace dl {

namespace {

// The 2×2 output blocks of one image: `rows` down and `cols` across cover OH × OW (a last
// row or column of blocks may hang over the edge; its extra outputs are computed and dropped).
struct Tiling {
    int rows, cols;
    int per_image() const { return rows * cols; }
};

Tiling tiling_of(const ConvGeometry& g) { return {(g.out_h() + 1) / 2, (g.out_w() + 1) / 2}; }

void require_winograd(const ConvGeometry& g) {
    if (!winograd_applies(g)) throw std::invalid_argument("Winograd F(2x2, 3x3) needs a 3x3 window and stride 1");
}

// A buffer kept from call to call (per thread and scalar type), so that a training step does
// not ask the kernel for fresh, zeroed pages each time. Slot 0, 1, 2: the three matrices.
template <class T>
std::vector<T>& scratch(int slot, std::size_t size) {
    thread_local std::vector<T> buffers[3];
    if (buffers[slot].size() < size) buffers[slot].resize(size);
    return buffers[slot];
}

// ---- The filters: one 3×3 filter at a time (F·C of them, cheap beside the rest). ----

// u (4×4) = G g Gᵀ for a 3×3 filter g.
template <class T>
void filter_transform(const T* g, T* u) {
    const T half = T(0.5);
    T t[12];  // G g (4×3)
    for (int j = 0; j < 3; ++j) {
        t[0 + j] = g[0 + j];
        t[3 + j] = half * (g[0 + j] + g[3 + j] + g[6 + j]);
        t[6 + j] = half * (g[0 + j] - g[3 + j] + g[6 + j]);
        t[9 + j] = g[6 + j];
    }
    for (int i = 0; i < 4; ++i) {
        const T* r = t + 3 * i;
        u[4 * i + 0] = r[0];
        u[4 * i + 1] = half * (r[0] + r[1] + r[2]);
        u[4 * i + 2] = half * (r[0] - r[1] + r[2]);
        u[4 * i + 3] = r[2];
    }
}

// dg (3×3) += Gᵀ du G: the filter's gradient from its transform's.
template <class T>
void filter_transform_transposed(const T* du, T* dg) {
    const T half = T(0.5);
    T s[12];  // Gᵀ du (3×4)
    for (int j = 0; j < 4; ++j) {
        s[0 + j] = du[0 + j] + half * (du[4 + j] + du[8 + j]);
        s[4 + j] = half * (du[4 + j] - du[8 + j]);
        s[8 + j] = half * (du[4 + j] + du[8 + j]) + du[12 + j];
    }
    for (int i = 0; i < 3; ++i) {
        const T* r = s + 4 * i;
        dg[3 * i + 0] += r[0] + half * (r[1] + r[2]);
        dg[3 * i + 1] += half * (r[1] - r[2]);
        dg[3 * i + 2] += half * (r[1] + r[2]) + r[3];
    }
}

// U_ξ (F, C) = (G g Gᵀ)_ξ for every filter and channel of w (F, C, 3, 3).
template <class T>
void transform_filters(const ConvShape& s, const T* w, T* u) {
    const std::size_t plane = std::size_t(s.out_channels) * s.geometry.channels;
#pragma omp parallel for schedule(static) if (plane > 1024)
    for (std::size_t fc = 0; fc < plane; ++fc) {
        T tile[16];
        filter_transform(w + 9 * fc, tile);
        for (int xi = 0; xi < 16; ++xi) u[xi * plane + fc] = tile[xi];
    }
}

// ---- The images: a whole row of tiles at a time. ----
//
// Each transform is a 1-D transform of the tile's rows followed by the same of its columns.
// Done on four whole image rows at once, the row step is plain vector arithmetic over the
// width, and the column step reads every other element; no tile is ever copied out.

// Image plane (H, W) copied into padded (rows, cols) at offset (p, p), zeros around: the
// reach of every tile, so that no tile needs a bounds check.
template <class T>
void pad_plane(const T* image, const ConvGeometry& g, T* padded, int rows, int cols) {
    std::fill(padded, padded + std::size_t(rows) * cols, T(0));
    for (int h = 0; h < g.height && h + g.padding < rows; ++h) {
        std::copy_n(image + h * g.width, std::min(g.width, cols - g.padding), padded + (h + g.padding) * cols + g.padding);
    }
}

// V_ξ (C, T) = (Bᵀ d B)_ξ for every channel and tile of the batch x (N, C, H, W): v holds
// the 16 matrices one after the other; column n·tiles + t is image n's tile t.
template <class T>
void transform_inputs(const ConvShape& s, const T* x, T* v) {
    const ConvGeometry& g = s.geometry;
    const Tiling tiling = tiling_of(g);
    const int rows = 2 * tiling.rows + 2, cols = 2 * tiling.cols + 2;  // the tiles' reach
    const std::size_t T_all = std::size_t(s.batch) * tiling.per_image(), plane = std::size_t(g.channels) * T_all;
#pragma omp parallel
    {
        std::vector<T> padded(std::size_t(rows) * cols), t(4 * std::size_t(cols));  // (rows, cols); Bᵀ d: (4, cols)
#pragma omp for collapse(2) schedule(static)
        for (int n = 0; n < s.batch; ++n) {
            for (int c = 0; c < g.channels; ++c) {
                pad_plane(x + (std::size_t(n) * g.channels + c) * g.height * g.width, g, padded.data(), rows, cols);
                for (int row = 0; row < tiling.rows; ++row) {
                    const T* d = padded.data() + 2 * row * cols;  // the tile row's four image rows
                    T *t0 = t.data(), *t1 = t0 + cols, *t2 = t1 + cols, *t3 = t2 + cols;
#pragma omp simd
                    for (int k = 0; k < cols; ++k) {  // Bᵀ d: rows 0−2, 1+2, 2−1, 1−3
                        t0[k] = d[k] - d[2 * cols + k];
                        t1[k] = d[cols + k] + d[2 * cols + k];
                        t2[k] = d[2 * cols + k] - d[cols + k];
                        t3[k] = d[cols + k] - d[3 * cols + k];
                    }
                    // (Bᵀ d) B: the same combinations of each tile's four columns, into V_ξ for ξ = 4i + j.
                    T* out = v + c * T_all + std::size_t(n) * tiling.per_image() + row * tiling.cols;
                    for (int i = 0; i < 4; ++i) {
                        const T* r = t.data() + i * cols;
                        T *v0 = out + (4 * i) * plane, *v1 = v0 + plane, *v2 = v1 + plane, *v3 = v2 + plane;
#pragma omp simd
                        for (int q = 0; q < tiling.cols; ++q) {
                            v0[q] = r[2 * q] - r[2 * q + 2];
                            v1[q] = r[2 * q + 1] + r[2 * q + 2];
                            v2[q] = r[2 * q + 2] - r[2 * q + 1];
                            v3[q] = r[2 * q + 1] - r[2 * q + 3];
                        }
                    }
                }
            }
        }
    }
}

// dx (N, C, H, W) = the sum of B dV Bᵀ over the overlapping tiles (the padding's share dropped).
template <class T>
void transform_input_gradients(const ConvShape& s, const T* dv, T* dx) {
    const ConvGeometry& g = s.geometry;
    const Tiling tiling = tiling_of(g);
    const int rows = 2 * tiling.rows + 2, cols = 2 * tiling.cols + 2;
    const std::size_t T_all = std::size_t(s.batch) * tiling.per_image(), plane = std::size_t(g.channels) * T_all;
#pragma omp parallel
    {
        // The padded plane's gradient (rows, cols), and per tile row: dV Bᵀ (4, cols), its
        // four values per tile before the overlapping tiles are added (4, tiling.cols).
        std::vector<T> padded(std::size_t(rows) * cols), e(4 * std::size_t(cols)), q(4 * std::size_t(tiling.cols));
#pragma omp for collapse(2) schedule(static)
        for (int n = 0; n < s.batch; ++n) {
            for (int c = 0; c < g.channels; ++c) {
                std::fill(padded.begin(), padded.end(), T(0));
                const T* in = dv + c * T_all + std::size_t(n) * tiling.per_image();
                for (int row = 0; row < tiling.rows; ++row) {
                    for (int i = 0; i < 4; ++i) {  // row i of every tile's dV, times Bᵀ: columns 0, 1−2+3, 1+2−0, −3
                        const T* v0 = in + (4 * i) * plane + row * tiling.cols;
                        const T *v1 = v0 + plane, *v2 = v1 + plane, *v3 = v2 + plane;
                        T *q0 = q.data(), *q1 = q0 + tiling.cols, *q2 = q1 + tiling.cols, *q3 = q2 + tiling.cols;
#pragma omp simd
                        for (int k = 0; k < tiling.cols; ++k) {
                            q0[k] = v0[k];
                            q1[k] = v1[k] - v2[k] + v3[k];
                            q2[k] = v1[k] + v2[k] - v0[k];
                            q3[k] = -v3[k];
                        }
                        // Tile k covers columns 2k .. 2k+3: its neighbour's last two overlap its first two.
                        T* r = e.data() + i * cols;
                        for (int k = 0; k < tiling.cols; ++k) {
                            r[2 * k] = q0[k] + (k > 0 ? q2[k - 1] : T(0));
                            r[2 * k + 1] = q1[k] + (k > 0 ? q3[k - 1] : T(0));
                        }
                        r[cols - 2] = q2[tiling.cols - 1];
                        r[cols - 1] = q3[tiling.cols - 1];
                    }
                    // B (dV Bᵀ): rows 0, 1−2+3, 1+2−0, −3, added into the tile row's four padded rows.
                    T* d = padded.data() + 2 * row * cols;
                    const T *e0 = e.data(), *e1 = e0 + cols, *e2 = e1 + cols, *e3 = e2 + cols;
#pragma omp simd
                    for (int k = 0; k < cols; ++k) {
                        d[k] += e0[k];
                        d[cols + k] += e1[k] - e2[k] + e3[k];
                        d[2 * cols + k] += e1[k] + e2[k] - e0[k];
                        d[3 * cols + k] -= e3[k];
                    }
                }
                T* image = dx + (std::size_t(n) * g.channels + c) * g.height * g.width;  // (H, W)
                for (int h = 0; h < g.height; ++h) std::copy_n(padded.data() + (h + g.padding) * cols + g.padding, g.width, image + h * g.width);
            }
        }
    }
}

// y (N, F, OH, OW) = Aᵀ M A + b from the 16 matrices M_ξ (F, T).
template <class T>
void transform_outputs(const ConvShape& s, const T* m, const T* b, T* y) {
    const ConvGeometry& g = s.geometry;
    const Tiling tiling = tiling_of(g);
    const int OH = g.out_h(), OW = g.out_w(), cols = 2 * tiling.cols;
    const std::size_t T_all = std::size_t(s.batch) * tiling.per_image(), plane = std::size_t(s.out_channels) * T_all;
#pragma omp parallel
    {
        std::vector<T> t(8 * std::size_t(tiling.cols)), out(2 * std::size_t(cols));  // Aᵀ M: (2, 4, tiles across); two output rows
#pragma omp for collapse(2) schedule(static)
        for (int n = 0; n < s.batch; ++n) {
            for (int f = 0; f < s.out_channels; ++f) {
                const T* in = m + f * T_all + std::size_t(n) * tiling.per_image();
                T* image = y + (std::size_t(n) * s.out_channels + f) * OH * OW;  // (OH, OW)
                const T bias = b ? b[f] : T(0);
                for (int row = 0; row < tiling.rows; ++row) {
                    for (int j = 0; j < 4; ++j) {  // Aᵀ M: rows 0+1+2 and 1−2−3, for column j of every tile
                        const T* m0 = in + j * plane + row * tiling.cols;
                        const T *m1 = m0 + 4 * plane, *m2 = m1 + 4 * plane, *m3 = m2 + 4 * plane;
                        T *a0 = t.data() + j * tiling.cols, *a1 = a0 + 4 * tiling.cols;
#pragma omp simd
                        for (int k = 0; k < tiling.cols; ++k) {
                            a0[k] = m0[k] + m1[k] + m2[k];
                            a1[k] = m1[k] - m2[k] - m3[k];
                        }
                    }
                    for (int a = 0; a < 2; ++a) {  // (Aᵀ M) A: columns 0+1+2 and 1−2−3, two outputs per tile
                        const T* r = t.data() + a * 4 * tiling.cols;
                        const T *r0 = r, *r1 = r0 + tiling.cols, *r2 = r1 + tiling.cols, *r3 = r2 + tiling.cols;
                        T* o = out.data() + a * cols;
#pragma omp simd
                        for (int k = 0; k < tiling.cols; ++k) {
                            o[2 * k] = r0[k] + r1[k] + r2[k] + bias;
                            o[2 * k + 1] = r1[k] - r2[k] - r3[k] + bias;
                        }
                    }
                    for (int a = 0; a < 2 && 2 * row + a < OH; ++a) std::copy_n(out.data() + a * cols, OW, image + (2 * row + a) * OW);
                }
            }
        }
    }
}

// dM_ξ (F, T) = (A dY Aᵀ)_ξ from dy (N, F, OH, OW), zeros beyond the output's edge.
template <class T>
void transform_output_gradients(const ConvShape& s, const T* dy, T* dm) {
    const ConvGeometry& g = s.geometry;
    const Tiling tiling = tiling_of(g);
    const int OH = g.out_h(), OW = g.out_w(), cols = 2 * tiling.cols;
    const std::size_t T_all = std::size_t(s.batch) * tiling.per_image(), plane = std::size_t(s.out_channels) * T_all;
#pragma omp parallel
    {
        std::vector<T> rows(2 * std::size_t(cols), T(0)), e(4 * std::size_t(cols));  // two dY rows, zero-padded; A dY: (4, cols)
#pragma omp for collapse(2) schedule(static)
        for (int n = 0; n < s.batch; ++n) {
            for (int f = 0; f < s.out_channels; ++f) {
                const T* image = dy + (std::size_t(n) * s.out_channels + f) * OH * OW;  // (OH, OW)
                T* out = dm + f * T_all + std::size_t(n) * tiling.per_image();
                for (int row = 0; row < tiling.rows; ++row) {
                    for (int a = 0; a < 2; ++a) {
                        T* r = rows.data() + a * cols;
                        if (2 * row + a < OH) std::copy_n(image + (2 * row + a) * OW, OW, r);
                        else std::fill(r, r + OW, T(0));
                    }
                    const T *y0 = rows.data(), *y1 = y0 + cols;
                    T *e0 = e.data(), *e1 = e0 + cols, *e2 = e1 + cols, *e3 = e2 + cols;
#pragma omp simd
                    for (int k = 0; k < cols; ++k) {  // A dY: rows 0, 0+1, 0−1, −1
                        e0[k] = y0[k];
                        e1[k] = y0[k] + y1[k];
                        e2[k] = y0[k] - y1[k];
                        e3[k] = -y1[k];
                    }
                    for (int i = 0; i < 4; ++i) {  // (A dY) Aᵀ: columns 0, 0+1, 0−1, −1 of each tile, into dM_ξ for ξ = 4i + j
                        const T* r = e.data() + i * cols;
                        T* d0 = out + (4 * i) * plane + row * tiling.cols;
                        T *d1 = d0 + plane, *d2 = d1 + plane, *d3 = d2 + plane;
#pragma omp simd
                        for (int k = 0; k < tiling.cols; ++k) {
                            d0[k] = r[2 * k];
                            d1[k] = r[2 * k] + r[2 * k + 1];
                            d2[k] = r[2 * k] - r[2 * k + 1];
                            d3[k] = -r[2 * k + 1];
                        }
                    }
                }
            }
        }
    }
}

// The 16 independent matrix products, shared among the threads (each GEMM single-threaded).
// op(A_ξ) is (m, k), op(B_ξ) is (k, n), C_ξ is (m, n); the ξ-th of each is at ξ times its size.
template <class T>
void sixteen_gemms(bool trans_a, bool trans_b, int m, int n, int k, const T* a, const T* b, T* c) {
    const std::size_t a_size = std::size_t(m) * k, b_size = std::size_t(k) * n, c_size = std::size_t(m) * n;
#pragma omp parallel for schedule(static)
    for (int xi = 0; xi < 16; ++xi) gemm(trans_a, trans_b, m, n, k, T(1), a + xi * a_size, b + xi * b_size, T(0), c + xi * c_size);
}

}  // namespace

bool winograd_applies(const ConvGeometry& g) { return g.kernel_h == 3 && g.kernel_w == 3 && g.stride == 1 && g.out_h() > 0 && g.out_w() > 0; }

template <class T>
void winograd_forward(const ConvShape& s, const T* x, const T* w, const T* b, T* y) {
    require_winograd(s.geometry);
    const int F = s.out_channels, C = s.geometry.channels;
    const int tiles = s.batch * tiling_of(s.geometry).per_image();  // T: the whole batch's tiles
    T* u = scratch<T>(0, 16 * std::size_t(F) * C).data();            // 16 × (F, C)
    T* v = scratch<T>(1, 16 * std::size_t(C) * tiles).data();         // 16 × (C, T)
    T* m = scratch<T>(2, 16 * std::size_t(F) * tiles).data();         // 16 × (F, T)
    transform_filters(s, w, u);
    transform_inputs(s, x, v);
    sixteen_gemms(false, false, F, tiles, C, u, v, m);  // M_ξ = U_ξ · V_ξ
    transform_outputs(s, m, b, y);
}

template <class T>
void winograd_backward(const ConvShape& s, const T* x, const T* w, const T* dy, T* dx, T* dw, T* db) {
    require_winograd(s.geometry);
    const int F = s.out_channels, C = s.geometry.channels;
    const int OH = s.geometry.out_h(), OW = s.geometry.out_w();
    const int tiles = s.batch * tiling_of(s.geometry).per_image();
    T* u = scratch<T>(0, 16 * std::size_t(F) * C).data();     // 16 × (F, C): dU, then U
    T* v = scratch<T>(1, 16 * std::size_t(C) * tiles).data();  // 16 × (C, T): V, then dV
    T* dm = scratch<T>(2, 16 * std::size_t(F) * tiles).data(); // 16 × (F, T)
    if (db) {
        for (int n = 0; n < s.batch; ++n) {
            for (int f = 0; f < F; ++f) {
                const T* plane = dy + (std::size_t(n) * F + f) * OH * OW;
                db[f] += std::accumulate(plane, plane + OH * OW, T(0));
            }
        }
    }
    transform_inputs(s, x, v);
    transform_output_gradients(s, dy, dm);
    sixteen_gemms(false, true, F, C, tiles, dm, v, u);  // dU_ξ = dM_ξ · V_ξᵀ
#pragma omp parallel for schedule(static) if (std::size_t(F) * C > 1024)
    for (std::size_t fc = 0; fc < std::size_t(F) * C; ++fc) {
        T tile[16];
        for (int xi = 0; xi < 16; ++xi) tile[xi] = u[xi * std::size_t(F) * C + fc];
        filter_transform_transposed(tile, dw + 9 * fc);
    }
    if (!dx) return;
    transform_filters(s, w, u);
    sixteen_gemms(true, false, C, tiles, F, u, dm, v);  // dV_ξ = U_ξᵀ · dM_ξ
    transform_input_gradients(s, v, dx);
}

template void winograd_forward(const ConvShape&, const float*, const float*, const float*, float*);
template void winograd_forward(const ConvShape&, const double*, const double*, const double*, double*);
template void winograd_backward(const ConvShape&, const float*, const float*, const float*, float*, float*, float*);
template void winograd_backward(const ConvShape&, const double*, const double*, const double*, double*, double*, double*);

}  // namespace dl

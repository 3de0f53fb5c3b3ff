// The only translation unit that includes <cblas.h> (see blas.hpp for why).
#include "dl/blas.hpp"

#include <cblas.h>

namespace dl {

namespace {
CBLAS_TRANSPOSE as_cblas(bool transposed) { return transposed ? CblasTrans : CblasNoTrans; }
}  // namespace

// With row-major storage the leading dimension is the stored row length:
// A is (m, k) or, transposed, (k, m); B is (k, n) or, transposed, (n, k).
void gemm(bool trans_a, bool trans_b, int m, int n, int k, float alpha, const float* a,
          const float* b, float beta, float* c) {
    const int lda = trans_a ? m : k;
    const int ldb = trans_b ? k : n;
    cblas_sgemm(CblasRowMajor, as_cblas(trans_a), as_cblas(trans_b), m, n, k, alpha, a, lda, b,
                ldb, beta, c, n);
}

void gemm(bool trans_a, bool trans_b, int m, int n, int k, double alpha, const double* a,
          const double* b, double beta, double* c) {
    const int lda = trans_a ? m : k;
    const int ldb = trans_b ? k : n;
    cblas_dgemm(CblasRowMajor, as_cblas(trans_a), as_cblas(trans_b), m, n, k, alpha, a, lda, b,
                ldb, beta, c, n);
}

template <class T>
void naive_gemm(bool trans_a, bool trans_b, int m, int n, int k, T alpha, const T* a, const T* b,
                T beta, T* c) {
    for (int i = 0; i < m; ++i) {
        for (int j = 0; j < n; ++j) {
            T sum = 0;
            for (int p = 0; p < k; ++p) {
                const T a_ip = trans_a ? a[p * m + i] : a[i * k + p];  // op(A)[i][p]
                const T b_pj = trans_b ? b[j * k + p] : b[p * n + j];  // op(B)[p][j]
                sum += a_ip * b_pj;
            }
            // beta == 0 must ignore C entirely (it may hold uninitialized memory).
            c[i * n + j] = alpha * sum + (beta == T(0) ? T(0) : beta * c[i * n + j]);
        }
    }
}

template void naive_gemm<float>(bool, bool, int, int, int, float, const float*, const float*,
                                float, float*);
template void naive_gemm<double>(bool, bool, int, int, int, double, const double*,
                                 const double*, double, double*);

void set_blas_threads(int threads) { openblas_set_num_threads(threads); }

int blas_threads() { return openblas_get_num_threads(); }

bool blas_uses_openmp() { return openblas_get_parallel() == OPENBLAS_OPENMP; }

}  // namespace dl

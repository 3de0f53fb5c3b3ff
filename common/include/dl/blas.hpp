/// @file blas.hpp
/// @brief The library's single matrix-multiply entry point, and the naive loops it is tested against.
///
/// Every matrix is row-major and densely packed. This header deliberately includes
/// neither xtensor nor cblas: Debian's xtensor-blas ships its own `cblas.h` that clashes
/// with OpenBLAS's, so only `blas.cpp` may see `<cblas.h>`.
#pragma once

namespace dl {

/// C = alpha * op(A) * op(B) + beta * C, through OpenBLAS.
///
/// op(A) is (m, k) and op(B) is (k, n); C is (m, n). When @p trans_a is true, A is stored
/// as (k, m); when @p trans_b is true, B is stored as (n, k).
/// @param trans_a use Aᵀ for op(A)
/// @param trans_b use Bᵀ for op(B)
/// @param m rows of op(A) and of C
/// @param n columns of op(B) and of C
/// @param k columns of op(A), rows of op(B)
/// @param alpha the weight of the product
/// @param a A, row-major
/// @param b B, row-major
/// @param beta the weight of C's old value (0: C is overwritten and may hold anything)
/// @param c C (m, n), row-major, updated in place
void gemm(bool trans_a, bool trans_b, int m, int n, int k, float alpha, const float* a,
          const float* b, float beta, float* c);
/// @copydoc gemm(bool,bool,int,int,int,float,const float*,const float*,float,float*)
void gemm(bool trans_a, bool trans_b, int m, int n, int k, double alpha, const double* a,
          const double* b, double beta, double* c);

/// The same contract as gemm(), written as three plain loops: the teaching reference
/// and the oracle the tests compare the BLAS path against.
/// @param trans_a use Aᵀ for op(A)
/// @param trans_b use Bᵀ for op(B)
/// @param m rows of op(A) and of C
/// @param n columns of op(B) and of C
/// @param k columns of op(A), rows of op(B)
/// @param alpha the weight of the product
/// @param a A, row-major
/// @param b B, row-major
/// @param beta the weight of C's old value (0: C is overwritten and may hold anything)
/// @param c C (m, n), row-major, updated in place
template <class T>
void naive_gemm(bool trans_a, bool trans_b, int m, int n, int k, T alpha, const T* a, const T* b,
                T beta, T* c);

/// Sets how many threads OpenBLAS may use. With the OpenMP build of OpenBLAS that the
/// book links, this is also the size of OpenMP's pool for the library's own loops.
/// @param threads the number of threads
void set_blas_threads(int threads);

/// True if the OpenBLAS loaded at run time is its OpenMP build, the one the book links so
/// that OpenBLAS and the library's loops share one thread pool.
/// @return whether OpenBLAS was built with OpenMP
bool blas_uses_openmp();

/// @brief How many threads OpenBLAS currently uses.
/// @return the number of threads
int blas_threads();

}  // namespace dl

/// @file thread_pool.hpp
/// @brief A test's own size of the thread pool that OpenMP and OpenBLAS share.
#pragma once

#include "dl/blas.hpp"

namespace dltest {

/// `./book test` runs two test programs at a time on two cores, each with one thread
/// (OMP_NUM_THREADS=1): two programs of two threads each would spin at every barrier
/// waiting for a thread the other program holds the core from. A test of a parallel loop's
/// correctness sets the pool to two threads for its own scope with this guard, so the loop's
/// work is still split between threads, and the old size comes back when the test ends.
class ThreadPoolSize {
public:
    /// @param threads the pool's size while the guard lives
    explicit ThreadPoolSize(int threads) : before_(dl::blas_threads()) { dl::set_blas_threads(threads); }
    ~ThreadPoolSize() { dl::set_blas_threads(before_); }
    ThreadPoolSize(const ThreadPoolSize&) = delete;
    ThreadPoolSize& operator=(const ThreadPoolSize&) = delete;

private:
    int before_;
};

}  // namespace dltest

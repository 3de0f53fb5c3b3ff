#include "dl/util/runtime.hpp"

#include "dl/blas.hpp"

#include <malloc.h>

#include <cstdio>

namespace dl {

void prepare_runtime(int threads) {
    // Line by line even into a pipe or a file, so that what the program prints keeps its
    // order with the progress lines on stderr (as in `./book run 01 | tee log`).
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    if (!blas_uses_openmp()) {
        std::fprintf(stderr, "warning: the OpenBLAS loaded is not its OpenMP build, so two thread pools will compete "
                             "for the cores (./book setup installs libopenblas-openmp-dev)\n");
    }
    set_blas_threads(threads);                      // OpenMP build: also sets OpenMP's thread count
    mallopt(M_MMAP_THRESHOLD, 256 * 1024 * 1024);   // blocks up to 256 MiB come from the reusable heap
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);  // and freed ones are not handed back early
}

}  // namespace dl

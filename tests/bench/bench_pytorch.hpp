// The --vs-pytorch part of the benchmark: runs pytorch_bench.py and prints ratios.
#pragma once

#include <nlohmann/json.hpp>

namespace bench {

/// Runs the same convolution shapes and models in PyTorch (Debian's /usr/bin/python3 with
/// python3-torch, 2 threads, OPENBLAS_NUM_THREADS=1), prints each row's time or
/// throughput with our/their ratio, and stores PyTorch's figures in @p report["pytorch"].
/// Throws with a clear message if torch cannot be imported.
void compare_with_pytorch(nlohmann::json& report);

}  // namespace bench

// The --vs-pytorch part of the benchmark: runs pytorch_bench.py and prints ratios.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>

namespace bench {

/// Throws with a clear message if Debian's /usr/bin/python3 cannot import torch.
void require_pytorch();

/// PyTorch's timings of the benchmark's convolution shapes (pytorch_bench.py, 2 threads,
/// OPENBLAS_NUM_THREADS=1): {"torch_version", "threads", "conv": [...]}.
nlohmann::json pytorch_conv_rows();

/// How many of the benchmark's model rows have a PyTorch twin (the first ones).
std::size_t pytorch_model_rows();

/// PyTorch's twin of model row @p index, trained in a process of its own: images per second,
/// resident memory at the start and at the peak.
nlohmann::json pytorch_model_row(int index);

/// Prints PyTorch's rows beside ours (report["pytorch"]) with our/their ratios.
void print_comparison(const nlohmann::json& report);

}  // namespace bench

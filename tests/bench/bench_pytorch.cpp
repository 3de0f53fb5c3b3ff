#include "bench_pytorch.hpp"

#include "bench_process.hpp"

#include "dl/util/table.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace bench {

namespace {

// Debian's torch is importable by Debian's own python3 only, not by another python3 on PATH.
const std::string kPython = "/usr/bin/python3";

// pytorch_bench.py with @p arguments, on 2 threads (OpenBLAS kept to 1: torch sets its own).
std::string pytorch_command(const std::string& arguments) {
    return "OPENBLAS_NUM_THREADS=1 " + kPython + " '" + BENCH_PYTORCH_SCRIPT + "' --threads 2 " + arguments;
}

// How far a model row's rounds lie apart: (largest - smallest) / median, as "12%".
std::string percent_spread(const nlohmann::json& row) {
    std::vector<double> rounds = row["images_per_second_rounds"];
    std::sort(rounds.begin(), rounds.end());
    return dl::fixed(100.0 * (rounds.back() - rounds.front()) / rounds[rounds.size() / 2], 0) + "%";
}

}  // namespace

void require_pytorch() {
    if (std::system((kPython + " -c 'import torch' >/dev/null 2>&1").c_str()) != 0) {
        throw std::runtime_error("PyTorch is not importable by " + kPython + ": install Debian's python3-torch (./book bench --vs-pytorch does)");
    }
}

nlohmann::json pytorch_conv_rows() {
    const std::string out = (std::filesystem::temp_directory_path() / "dl-bench-pytorch.json").string();
    std::cerr << "running the same convolutions in PyTorch...\n";
    const std::string command = pytorch_command("--out '" + out + "'");
    if (std::system(command.c_str()) != 0) throw std::runtime_error("the PyTorch benchmark failed: " + command);
    nlohmann::json theirs;
    std::ifstream(out) >> theirs;
    return theirs;
}

std::size_t pytorch_model_rows() { return 9; }  // pytorch_bench.py's MODEL_ROWS

nlohmann::json pytorch_model_row(int index) {
    return json_from_command(pytorch_command("--model-row " + std::to_string(index)), "PyTorch's model row " + std::to_string(index));
}

void print_comparison(const nlohmann::json& report) {
    const nlohmann::json& theirs = report["pytorch"];
    std::cout << "\n4. Against PyTorch " << std::string(theirs["torch_version"]) << " (2 threads, same shapes, same run); ratio = PyTorch time / our time, >1 means we are faster\n";
    dl::Table conv({"shape", "fwd ms ours/theirs", "ratio", "bwd-data ms ours/theirs", "ratio", "bwd-wgt ms ours/theirs", "ratio",
                    "Winograd ratio fwd/bwd"});
    for (std::size_t i = 0; i < theirs["conv"].size(); ++i) {
        const auto& a = report["conv"][i];
        const auto& b = theirs["conv"][i];
        auto cells = [&](const char* key) {
            const double ours = a[key], them = b[key];
            return std::pair{dl::fixed(ours, 2) + " / " + dl::fixed(them, 2), dl::fixed(them / ours, 2)};
        };
        const auto [f, fr] = cells("forward_ms");
        const auto [d, dr] = cells("backward_data_ms");
        const auto [w, wr] = cells("backward_weights_ms");
        // Winograd's whole backward pass against PyTorch's data and weight gradients together.
        const std::string winograd = a["winograd_forward_ms"].is_null() ? "-"
            : dl::fixed(double(b["forward_ms"]) / double(a["winograd_forward_ms"]), 2) + " / " +
              dl::fixed((double(b["backward_data_ms"]) + double(b["backward_weights_ms"])) / double(a["winograd_backward_ms"]), 2);
        conv.add_row({a["shape"], f, fr, d, dr, w, wr, winograd});
    }
    conv.print(std::cout);
    std::cout << "\n" << report["models"][0]["images_per_second_rounds"].size()
              << " rounds, ours and PyTorch's in turn; images/s: each row's median round; spread: (largest - smallest) / median of the rounds\n";
    dl::Table models({"model", "batch", "images/s ours", "images/s PyTorch", "ours/theirs", "spread ours/theirs", "peak MiB ours", "peak MiB PyTorch",
                      "of which at start"});
    for (std::size_t i = 0; i < theirs["models"].size(); ++i) {
        const auto &a = report["models"][i], &b = theirs["models"][i];
        const double ours = a["images_per_second"], them = b["images_per_second"];
        models.add_row({a["model"], std::to_string(int(a["batch"])), dl::fixed(ours, 0), dl::fixed(them, 0), dl::fixed(ours / them, 2),
                        percent_spread(a) + " / " + percent_spread(b), dl::fixed(a["peak_rss_mib"], 0), dl::fixed(b["peak_rss_mib"], 0),
                        dl::fixed(a["start_rss_mib"], 0) + " / " + dl::fixed(b["start_rss_mib"], 0)});
    }
    models.print(std::cout);
}

}  // namespace bench

#include "bench_pytorch.hpp"

#include "dl/util/table.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

namespace bench {

void compare_with_pytorch(nlohmann::json& report) {
    // Debian's torch is importable by Debian's own python3 only, not by another python3 on PATH.
    const std::string python = "/usr/bin/python3";
    if (std::system((python + " -c 'import torch' >/dev/null 2>&1").c_str()) != 0) {
        throw std::runtime_error("PyTorch is not importable by " + python + ": install Debian's python3-torch (./book bench --vs-pytorch does)");
    }
    const std::string out = (std::filesystem::temp_directory_path() / "dl-bench-pytorch.json").string();
    std::cerr << "running the same rows in PyTorch...\n";
    const std::string command = "OPENBLAS_NUM_THREADS=1 " + python + " '" + BENCH_PYTORCH_SCRIPT + "' --threads 2 --out '" + out + "'";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("the PyTorch benchmark failed: " + command);
    nlohmann::json theirs;
    std::ifstream(out) >> theirs;
    report["pytorch"] = theirs;

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
    dl::Table models({"model", "batch", "images/s ours", "images/s PyTorch", "ours/theirs", "peak MiB ours", "peak MiB PyTorch", "of which at start"});
    for (std::size_t i = 0; i < theirs["models"].size(); ++i) {
        const auto &a = report["models"][i], &b = theirs["models"][i];
        const double ours = a["images_per_second"], them = b["images_per_second"];
        models.add_row({a["model"], std::to_string(int(a["batch"])), dl::fixed(ours, 0), dl::fixed(them, 0), dl::fixed(ours / them, 2),
                        dl::fixed(a["peak_rss_mib"], 0), dl::fixed(b["peak_rss_mib"], 0),
                        dl::fixed(a["start_rss_mib"], 0) + " / " + dl::fixed(b["start_rss_mib"], 0)});
    }
    std::cout << "\n";
    models.print(std::cout);
}

}  // namespace bench

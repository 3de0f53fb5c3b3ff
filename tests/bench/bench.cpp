// `./book bench`: how fast the library is, and why.
//
//  1. the ceiling: OpenBLAS SGEMM at 1024³ on 1 and 2 threads;
//  2. Conv2d forward, backward-data and backward-weights at N = 64 for the shapes of the
//     book's networks: milliseconds, GFLOP/s, fraction of the SGEMM ceiling, speed-up
//     over the naive loops; and the design the layer replaced (one batched GEMM on two
//     BLAS threads) for comparison, and Winograd F(2x2, 3x3) on the 3x3 shapes;
//  3. training throughput of every chapter model (forward + backward + Adam step), and its
//     peak memory (each model trains in a process of its own);
//  4. --json FILE writes it all; --vs-pytorch runs the same rows in PyTorch;
//  --profile MODEL instead times each layer of one model's training step.
// Every figure is the median of repeated runs after a warm-up.
#include "bench_memory.hpp"
#include "bench_process.hpp"
#include "bench_profile.hpp"
#include "bench_pytorch.hpp"
#include "bench_timing.hpp"

#include "dl/blas.hpp"
#include "dl/layers/conv2d.hpp"
#include "dl/layers/conv2d_naive.hpp"
#include "dl/layers/im2col.hpp"
#include "dl/losses/pixel_cross_entropy.hpp"
#include "dl/losses/softmax_cross_entropy.hpp"
#include "dl/optim/adam.hpp"
#include "dl/train/provenance.hpp"
#include "dl/util/runtime.hpp"
#include "dl/util/table.hpp"
#include "lenet.hpp"
#include "mlp.hpp"
#include "resnet.hpp"
#include "unet.hpp"
#include "vgg.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <xtensor/xrandom.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <iostream>

namespace {

using dl::Tensor;
using json = nlohmann::json;

constexpr int kBatch = 64;

double sgemm_gflops(int threads) {
    dl::set_blas_threads(threads);
    const int n = 1024;
    std::vector<float> a(std::size_t(n) * n, 1.0f), b(a), c(a.size());
    const double seconds = bench::median_seconds(7, [&] { dl::gemm(false, false, n, n, n, 1.0f, a.data(), b.data(), 0.0f, c.data()); });
    return 2.0 * n * n * n / seconds / 1e9;
}

struct ConvCase {
    int c, f, k, hw, padding;
    std::string label() const {
        return std::to_string(c) + "->" + std::to_string(f) + " k" + std::to_string(k) + " " + std::to_string(hw) + "x" + std::to_string(hw);
    }
};

// The design the layer replaced, kept here for comparison: the columns of the whole batch
// side by side (single-threaded im2col), one GEMM on 2 BLAS threads, then a reorder from
// (F, N·P) to (N, F, P). The layer instead runs an OpenMP loop over images, each thread
// with its own small column buffer and a single-threaded GEMM.
// The buffers are allocated once, outside the timed calls, as the layer kept them.
void forward_one_batched_gemm(const ConvCase& cc, const dl::ConvGeometry& g, const Tensor<float>& x, const Tensor<float>& w, Tensor<float>& y,
                              std::vector<float>& col, std::vector<float>& matrix) {
    const std::size_t P = std::size_t(g.positions()), K = std::size_t(g.patch_size()), image = std::size_t(cc.c) * cc.hw * cc.hw;
    const std::size_t width = kBatch * P;
    col.resize(K * width);                    // (K, N·P)
    matrix.resize(std::size_t(cc.f) * width); // (F, N·P)
    for (int n = 0; n < kBatch; ++n) dl::im2col(x.data() + n * image, g, col.data() + n * P, width);
    dl::gemm(false, false, cc.f, int(width), int(K), 1.0f, w.data(), col.data(), 0.0f, matrix.data());
    for (int n = 0; n < kBatch; ++n)
        for (int f = 0; f < cc.f; ++f) std::copy_n(matrix.data() + f * width + n * P, P, y.data() + (std::size_t(n) * cc.f + f) * P);
}

json bench_conv(const ConvCase& cc, double ceiling) {
    dl::set_blas_threads(2);
    dl::Rng rng(1);
    dl::Conv2d<float> conv(cc.c, cc.f, cc.k, 1, cc.padding, dl::Init::he, rng);
    xt::random::seed(2);
    const Tensor<float> x = xt::random::randn<float>({std::size_t(kBatch), std::size_t(cc.c), std::size_t(cc.hw), std::size_t(cc.hw)});
    const Tensor<float> y = conv.forward(x);
    const Tensor<float> dy = xt::random::randn<float>(y.shape());
    const dl::ConvGeometry g = conv.geometry(cc.hw, cc.hw);
    const double flops = 2.0 * kBatch * cc.f * g.positions() * g.patch_size();  // one pass

    const double forward = bench::median_seconds(9, [&] { conv.forward(x); });
    const double backward_data = bench::median_seconds(9, [&] { conv.input_gradient(dy); });
    const double backward_weights = bench::median_seconds(9, [&] { conv.accumulate_weight_gradient(dy); });

    // Winograd F(2x2, 3x3) on the 3x3 shapes: forward, and the whole backward pass (its three
    // gradients share the input's transform), beside im2col's forward and data + weights.
    json winograd_forward = nullptr, winograd_backward = nullptr;
    if (cc.k == 3) {
        dl::Rng same(1);
        dl::Conv2d<float> fast(cc.c, cc.f, cc.k, 1, cc.padding, dl::Init::he, same);
        fast.set_algorithm(dl::ConvAlgorithm::winograd);
        fast.forward(x);
        winograd_forward = bench::median_seconds(9, [&] { fast.forward(x); }) * 1e3;
        winograd_backward = bench::median_seconds(9, [&] { fast.backward(dy); }) * 1e3;
    }

    // The replaced design: one batched GEMM with OpenBLAS using both threads.
    Tensor<float> y_batched = Tensor<float>::from_shape(y.shape());
    std::vector<float> col, matrix;
    const double forward_batched = bench::median_seconds(9, [&] { forward_one_batched_gemm(cc, g, x, conv.weight().value, y_batched, col, matrix); });

    // The naive loops, once each: they are slow.
    const dl::ConvShape shape{kBatch, cc.f, g};
    Tensor<float> y_naive = Tensor<float>::from_shape(y.shape()), dx_naive = Tensor<float>::from_shape(x.shape());
    Tensor<float> dw = xt::zeros<float>(conv.weight().value.shape()), db = xt::zeros<float>({std::size_t(cc.f)});
    const double naive_forward = bench::seconds_once([&] { dl::conv2d_naive_forward(shape, x.data(), conv.weight().value.data(), conv.bias().value.data(), y_naive.data()); });
    const double naive_backward = bench::seconds_once([&] { dl::conv2d_naive_backward(shape, x.data(), conv.weight().value.data(), dy.data(), dx_naive.data(), dw.data(), db.data()); });

    return {{"shape", cc.label()},
            {"padding", cc.padding},
            {"gflop_per_pass", flops / 1e9},
            {"forward_ms", forward * 1e3},
            {"backward_data_ms", backward_data * 1e3},
            {"backward_weights_ms", backward_weights * 1e3},
            {"forward_gflops", flops / forward / 1e9},
            {"backward_data_gflops", flops / backward_data / 1e9},
            {"backward_weights_gflops", flops / backward_weights / 1e9},
            {"forward_fraction_of_sgemm", flops / forward / 1e9 / ceiling},
            {"forward_one_batched_gemm_ms", forward_batched * 1e3},
            {"winograd_forward_ms", winograd_forward},
            {"winograd_backward_ms", winograd_backward},
            {"naive_forward_ms", naive_forward * 1e3},
            {"naive_backward_ms", naive_backward * 1e3},
            {"speedup_forward", naive_forward / forward},
            {"speedup_backward", naive_backward / (backward_data + backward_weights)}};
}

// Images per second of full training steps: zero_grad, forward, loss, backward, Adam.
// The median of at least @p repeats timings of @p steps steps each, taken over at least two
// seconds after a second of warm-up. With @p per_pixel the model
// outputs (B, 11, H, W) score maps and the loss is pixel-wise cross-entropy.
double training_throughput(dl::Layer<float>& model, int batch, const dl::Shape& input_shape, int steps = 10, int repeats = 15, bool per_pixel = false) {
    dl::set_blas_threads(2);
    xt::random::seed(3);
    dl::Shape shape = input_shape;
    shape[0] = std::size_t(batch);
    const Tensor<float> x = xt::random::randn<float>(shape);
    const std::size_t targets = per_pixel ? std::size_t(batch) * shape[2] * shape[3] : std::size_t(batch);
    std::vector<int> labels(targets);  // (B) or (B·H·W)
    for (std::size_t i = 0; i < targets; ++i) labels[i] = int(i % 10);
    dl::Adam<float> adam(dl::single_group(model.parameters(), 1e-3));
    dl::SoftmaxCrossEntropy<float> loss;
    dl::PixelCrossEntropy<float> pixel_loss;
    auto step = [&] {
        adam.zero_grad();
        const Tensor<float> y = model.forward(x);  // (B, 10) or (B, 11, H, W)
        if (per_pixel) {
            pixel_loss.forward(y, labels);
            model.backward(pixel_loss.backward());
        } else {
            loss.forward(y, labels);
            model.backward(loss.backward());
        }
        adam.step();
    };
    const double seconds = bench::steady_median_seconds(repeats, 1.0, 2.0, [&] {
        for (int i = 0; i < steps; ++i) step();
    });
    return double(steps) * batch / seconds;
}

// The model rows: name, batch, steps and repeats per timing, input size, per-pixel loss.
struct ModelRow {
    std::string model;
    int batch, steps, repeats, size;
    bool per_pixel;
};

std::vector<ModelRow> model_rows() {
    std::vector<ModelRow> rows;
    for (int batch : {64, 128}) {
        rows.push_back({"mlp (ch01)", batch, 10, 15, 28, false});
        rows.push_back({"lenet5 (ch02)", batch, 10, 15, 28, false});
        rows.push_back({"vgg 16-32-64 (ch03)", batch, 3, 5, 28, false});
        rows.push_back({"resnet20 (ch04)", batch, 2, 5, 28, false});
    }
    // The U-Net segments 64x64 scenes: its own batch size, chapter 5's default. Then chapter 5's
    // default network, the same decoder on a ResNet-20 encoder (no PyTorch twin; listed last).
    rows.push_back({"u-net 8-64 (ch05)", 32, 2, 5, 64, true});
    rows.push_back({"u-net resnet20 encoder (ch05)", 32, 2, 5, 64, true});
    return rows;
}

std::unique_ptr<dl::Layer<float>> build_model(const std::string& model, dl::Rng& rng) {
    if (model == "mlp (ch01)") return std::make_unique<dl::Sequential<float>>(ch01::build_mlp({256, 128}, dl::Init::he, rng));
    if (model == "lenet5 (ch02)") return std::make_unique<dl::Sequential<float>>(ch02::build_lenet(false, rng));
    if (model == "vgg 16-32-64 (ch03)") return std::make_unique<dl::Sequential<float>>(ch03::build_vgg(ch03::Architecture{}, rng));  // BatchNorm, GAP head
    if (model == "resnet20 (ch04)") return std::make_unique<dl::Sequential<float>>(ch04::build_resnet(ch04::Architecture{}, rng));  // 16-32-64
    ch05::Architecture architecture;  // chapter 5's default: a ResNet-20 encoder
    if (model == "u-net 8-64 (ch05)") {  // 3 levels, 8-16-32-64, skips: the network pytorch_bench.py mirrors
        architecture.encoder = ch05::Encoder::plain;
        architecture.levels = 3;
        architecture.width = 8;
    }
    return std::make_unique<ch05::UNet<float>>(architecture, rng);
}

// One model row, measured in this process: images per second, the resident memory before the
// model was built, and the process's peak.
json measure_model_row(const ModelRow& row) {
    const double before = bench::resident_mib();
    dl::Rng rng(1);
    const std::unique_ptr<dl::Layer<float>> model = build_model(row.model, rng);
    const double images_per_second = training_throughput(*model, row.batch, {1, 1, std::size_t(row.size), std::size_t(row.size)}, row.steps, row.repeats, row.per_pixel);
    return {{"model", row.model}, {"batch", row.batch}, {"images_per_second", images_per_second}, {"start_rss_mib", before}, {"peak_rss_mib", bench::peak_resident_mib()}};
}

// Of @p measurements of one row (one per round), the one with the median images per second,
// with every round's figure beside it.
json median_round(const std::vector<json>& measurements) {
    std::vector<json> sorted = measurements;
    std::sort(sorted.begin(), sorted.end(), [](const json& a, const json& b) { return double(a["images_per_second"]) < double(b["images_per_second"]); });
    json row = sorted[sorted.size() / 2];
    row["images_per_second_rounds"] = json::array();
    for (const json& m : measurements) row["images_per_second_rounds"].push_back(m["images_per_second"]);
    return row;
}

// Every model row, each in a process of its own (this program, run with --model-row), so that
// each peak of memory is that model's alone; @p rounds times over the whole table, keeping each
// row's median round. With @p pytorch_rows, PyTorch's twin of each row runs right after ours
// (interleaved, so that both see the machine in the same state) and its medians go there.
json bench_models(int rounds, json* pytorch_rows) {
    const std::vector<ModelRow> table = model_rows();
    const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();  // this program
    std::vector<std::vector<json>> ours(table.size()), theirs(table.size());
    for (int round = 1; round <= rounds; ++round) {
        for (std::size_t i = 0; i < table.size(); ++i) {
            std::cerr << "  round " << round << " of " << rounds << ": " << table[i].model << ", batch " << table[i].batch << "...\n";
            ours[i].push_back(bench::json_from_command("'" + self + "' --model-row " + std::to_string(i), "the model row '" + table[i].model + "'"));
            if (pytorch_rows && i < bench::pytorch_model_rows()) theirs[i].push_back(bench::pytorch_model_row(int(i)));
        }
    }
    json rows = json::array();
    for (const std::vector<json>& measurements : ours) rows.push_back(median_round(measurements));
    if (pytorch_rows) {
        *pytorch_rows = json::array();
        for (const std::vector<json>& measurements : theirs)
            if (!measurements.empty()) pytorch_rows->push_back(median_round(measurements));
    }
    return rows;
}

void print_report(const json& report) {
    std::cout << "\n1. The ceiling: OpenBLAS SGEMM 1024x1024x1024\n";
    dl::Table ceiling({"threads", "GFLOP/s"});
    ceiling.add_row({"1", dl::fixed(report["sgemm_gflops_1_thread"], 1)});
    ceiling.add_row({"2", dl::fixed(report["sgemm_gflops_2_threads"], 1)});
    ceiling.print(std::cout);

    std::cout << "\n2. Conv2d at N=" << kBatch << " (stride 1; 2 threads; % = forward GFLOP/s of the 2-thread SGEMM ceiling;\n"
              << "   batched-GEMM column: the replaced design, one batched GEMM on 2 BLAS threads;\n"
              << "   last column: Winograd F(2x2, 3x3) on the 3x3 shapes, forward and whole backward pass)\n";
    dl::Table conv({"shape", "pad", "fwd ms", "fwd GFLOP/s", "%", "bwd-data ms", "bwd-wgt ms", "GFLOP/s d/w", "vs naive fwd/bwd", "batched-GEMM fwd ms",
                    "Winograd fwd/bwd ms"});
    for (const json& r : report["conv"]) {
        conv.add_row({r["shape"], std::to_string(int(r["padding"])), dl::fixed(r["forward_ms"], 2), dl::fixed(r["forward_gflops"], 1),
                      dl::fixed(100.0 * double(r["forward_fraction_of_sgemm"]), 0) + "%", dl::fixed(r["backward_data_ms"], 2),
                      dl::fixed(r["backward_weights_ms"], 2), dl::fixed(r["backward_data_gflops"], 0) + "/" + dl::fixed(r["backward_weights_gflops"], 0),
                      dl::fixed(r["speedup_forward"], 0) + "x/" + dl::fixed(r["speedup_backward"], 0) + "x", dl::fixed(r["forward_one_batched_gemm_ms"], 2),
                      r["winograd_forward_ms"].is_null() ? "-" : dl::fixed(r["winograd_forward_ms"], 2) + " / " + dl::fixed(r["winograd_backward_ms"], 2)});
    }
    conv.print(std::cout);

    std::cout << "\n3. Training throughput (forward + backward + Adam step, 2 threads)\n";
    dl::Table models({"model", "batch", "images/s", "peak memory MiB", "of it at start"});
    for (const json& r : report["models"]) {
        models.add_row({r["model"], std::to_string(int(r["batch"])), dl::fixed(r["images_per_second"], 0), dl::fixed(r["peak_rss_mib"], 0),
                        dl::fixed(r["start_rss_mib"], 0)});
    }
    models.print(std::cout);
}

}  // namespace

int main(int argc, char** argv) {
    std::string json_path;
    bool vs_pytorch = false;
    CLI::App app{"Benchmarks of the book's library: GEMM ceiling, convolution, training throughput"};
    app.add_option("--json", json_path, "also write every figure to this JSON file");
    app.add_flag("--vs-pytorch", vs_pytorch, "run the same convolutions and models in PyTorch (Debian's python3-torch) and print our/their ratios");
    int rounds = 3;
    app.add_option("--rounds", rounds, "times to measure the whole table of models (each row keeps its median round)")->capture_default_str()->check(CLI::Range(1, 15));
    int model_row = -1;
    app.add_option("--model-row", model_row, "(used by the benchmark itself) measure one model row in this process and print it as JSON")
        ->check(CLI::Range(0, int(model_rows().size()) - 1));
    std::string profile;
    int profile_batch = 128;
    app.add_option("--profile", profile, "instead: time each layer of one model's training step (mlp, lenet5, vgg or resnet20)")
        ->check(CLI::IsMember(bench::profile_models()));
    app.add_option("--batch", profile_batch, "batch size for --profile")->capture_default_str()->check(CLI::Range(1, 4096));
    CLI11_PARSE(app, argc, argv);
    try {
        dl::prepare_runtime(2);
        if (model_row >= 0) {
            std::cout << measure_model_row(model_rows()[std::size_t(model_row)]).dump() << "\n";
            return 0;
        }
        if (!profile.empty()) {
            bench::profile_model(profile, profile_batch);
            return 0;
        }
        if (vs_pytorch) bench::require_pytorch();  // before the minutes of measuring
        json report;
        std::cerr << "measuring the SGEMM ceiling...\n";
        report["sgemm_gflops_1_thread"] = sgemm_gflops(1);
        report["sgemm_gflops_2_threads"] = sgemm_gflops(2);
        const std::vector<ConvCase> cases = {{1, 6, 5, 28, 2},   {6, 16, 5, 12, 0}, {32, 64, 3, 14, 1}, {64, 64, 3, 8, 1},
                                             {128, 128, 3, 7, 1}, {16, 16, 3, 28, 1}, {16, 16, 3, 64, 1}};
        report["conv"] = json::array();
        for (const ConvCase& cc : cases) {
            std::cerr << "convolution " << cc.label() << "...\n";
            report["conv"].push_back(bench_conv(cc, report["sgemm_gflops_2_threads"]));
        }
        json pytorch_models;
        if (vs_pytorch) report["pytorch"] = bench::pytorch_conv_rows();
        std::cerr << "training throughput" << (vs_pytorch ? ", ours and PyTorch's in turn" : "") << " (" << rounds << " rounds)...\n";
        report["models"] = bench_models(rounds, vs_pytorch ? &pytorch_models : nullptr);
        print_report(report);
        if (vs_pytorch) {
            report["pytorch"]["models"] = pytorch_models;
            for (std::size_t i = 0; i < pytorch_models.size(); ++i)  // the ratio a text quotes, kept with its figures
                report["models"][i]["ours_over_pytorch"] = double(report["models"][i]["images_per_second"]) / double(pytorch_models[i]["images_per_second"]);
            bench::print_comparison(report);
        }
        if (!json_path.empty()) {
            // How the figures were made (command, date, commit, machine), as a chapter's results
            // files say it: a chapter text can then mark the figures it quotes from this file.
            report["run"] = json::parse(dl::describe_this_run());
            std::ofstream(json_path) << report.dump(2) << "\n";
            std::cout << "\nwrote " << json_path << "\n";
        }
    } catch (const std::exception& error) {
        std::cerr << "error: " << error.what() << "\n";
        return 1;
    }
    return 0;
}

// Chapter 2 — the speed experiment: the same epoch with naive loops and with im2col + GEMM.
#include "lenet.hpp"

#include "dl/blas.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/table.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace ch02 {

void run_speed_experiment(Settings s) {
    const dl::DataSplits splits = dl::load_fashion_mnist_splits(s.data_dir, s.val_size, s.train_size, s.seed);
    std::cout << "Speed experiment: one epoch of LeNet-5 training on " << splits.train.size() << " images, batch " << s.batch_size << "\n";
    struct Variant {
        std::string conv;
        int threads;
    };
    const std::vector<Variant> variants = {{"naive", 1}, {"gemm", 1}, {"gemm", 2}};
    dl::Table table({"convolution", "threads", "epoch time (s)", "training images/s", "training speed-up"});
    nlohmann::json rows = nlohmann::json::array();
    double naive_throughput = 0;
    for (const Variant& v : variants) {
        Settings run_settings = s;
        run_settings.conv = v.conv;
        run_settings.epochs = 1;
        run_settings.verbose = false;
        dl::set_blas_threads(v.threads);
        dl::Rng rng(s.seed);
        LeNet5 model = build_lenet(s.classic, rng);
        std::cerr << "one epoch with " << v.conv << " convolution, " << v.threads << " BLAS thread(s)...\n";
        const Outcome outcome = train_lenet(run_settings, splits, model, false);
        const double seconds = outcome.history.back().seconds;
        const double throughput = outcome.history.back().images_per_second;  // training only
        if (v.conv == "naive") naive_throughput = throughput;
        table.add_row(
            {v.conv, std::to_string(v.threads), dl::fixed(seconds, 2), dl::fixed(throughput, 0), dl::fixed(throughput / naive_throughput, 1) + "x"});
        rows.push_back({{"conv", v.conv},
                        {"threads", v.threads},
                        {"seconds", seconds},
                        {"images_per_second", outcome.history.back().images_per_second},
                        {"val_accuracy", outcome.history.back().val_accuracy}});
    }
    dl::set_blas_threads(s.threads);
    const dl::RunDirectory run(s.out_dir);
    run.save_table(table, rows.dump(2) + "\n");
    std::cout << "(epoch time includes validation on " << splits.validation.size() << " images)\ntable.md and results.json in " << s.out_dir << "/\n";
}

}  // namespace ch02

#include "bench_profile.hpp"

#include "dl/blas.hpp"
#include "dl/losses/softmax_cross_entropy.hpp"
#include "dl/optim/adam.hpp"
#include "dl/util/table.hpp"
#include "dl/util/timer.hpp"
#include "lenet.hpp"
#include "mlp.hpp"
#include "resnet.hpp"
#include "vgg.hpp"

#include <xtensor/xrandom.hpp>

#include <algorithm>
#include <iostream>
#include <stdexcept>

namespace bench {

namespace {

using dl::Tensor;

dl::Sequential<float> build(const std::string& model, dl::Rng& rng) {
    if (model == "mlp") return ch01::build_mlp({256, 128}, dl::Init::he, rng);
    if (model == "lenet5") return ch02::build_lenet(false, rng);
    if (model == "vgg") return ch03::build_vgg(ch03::Architecture{}, rng);
    if (model == "resnet20") return ch04::build_resnet(ch04::Architecture{}, rng);
    throw std::invalid_argument("--profile: unknown model '" + model + "'");
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

std::vector<std::string> profile_models() { return {"mlp", "lenet5", "vgg", "resnet20"}; }

void profile_model(const std::string& model, int batch) {
    dl::set_blas_threads(2);
    dl::Rng rng(1);
    dl::Sequential<float> net = build(model, rng);
    xt::random::seed(3);
    const Tensor<float> x = xt::random::randn<float>({std::size_t(batch), std::size_t(1), std::size_t(28), std::size_t(28)});  // (B, 1, 28, 28)
    std::vector<int> labels(static_cast<std::size_t>(batch));  // (B)
    for (std::size_t i = 0; i < labels.size(); ++i) labels[i] = int(i % 10);
    dl::Adam<float> adam(dl::single_group(net.parameters(), 1e-3));
    dl::SoftmaxCrossEntropy<float> loss;

    const std::size_t layers = net.size();
    std::vector<std::vector<double>> forward(layers), backward(layers);
    std::vector<double> loss_times, step_times, totals;
    const int warm_up = 3, repeats = model == "mlp" || model == "lenet5" ? 40 : 9;
    for (int r = 0; r < warm_up + repeats; ++r) {
        const bool record = r >= warm_up;
        dl::Timer whole;
        adam.zero_grad();
        Tensor<float> h = x;
        for (std::size_t i = 0; i < layers; ++i) {
            dl::Timer t;
            h = net[i].forward(h);
            if (record) forward[i].push_back(t.seconds());
        }
        dl::Timer t_loss;
        loss.forward(h, labels);
        Tensor<float> g = loss.backward();  // (B, 10)
        if (record) loss_times.push_back(t_loss.seconds());
        for (std::size_t i = layers; i-- > 0;) {
            dl::Timer t;
            g = net[i].backward(g);
            if (record) backward[i].push_back(t.seconds());
        }
        dl::Timer t_step;
        adam.step();
        if (record) {
            step_times.push_back(t_step.seconds());
            totals.push_back(whole.seconds());
        }
    }
    const double total = median(totals);
    std::cout << "Profile of one training step of " << model << " at batch " << batch << " (2 threads; medians of " << repeats
              << " steps after " << warm_up << " warm-up steps): " << dl::fixed(total * 1e3, 2) << " ms, "
              << dl::fixed(batch / total, 0) << " images/s\n";
    dl::Table table({"#", "layer", "forward ms", "backward ms", "share of the step"});
    auto row = [&](const std::string& index, const std::string& name, double f, double b) {
        table.add_row({index, name, dl::fixed(f * 1e3, 3), dl::fixed(b * 1e3, 3), dl::fixed(100.0 * (f + b) / total, 1) + "%"});
    };
    for (std::size_t i = 0; i < layers; ++i) row(std::to_string(i), net[i].name(), median(forward[i]), median(backward[i]));
    row("", "softmax cross-entropy", median(loss_times), 0.0);
    row("", "Adam step", 0.0, median(step_times));
    table.print(std::cout);
    std::cout << "(The shares add up to about 100%; the rest is zeroing the gradients and the timer itself.)\n";
}

}  // namespace bench

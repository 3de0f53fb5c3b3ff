// Chapter 4 — the ResNet and its plain twin.
#include "resnet.hpp"

#include "dl/layers/activations.hpp"
#include "dl/layers/batch_norm.hpp"
#include "dl/layers/conv2d.hpp"
#include "dl/layers/global_avg_pool2d.hpp"
#include "dl/layers/linear.hpp"
#include "dl/layers/residual_block.hpp"

#include "dl/data/normalize.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#ifndef BOOK_SOURCE_DIR
#define BOOK_SOURCE_DIR "."
#endif

namespace ch04 {

namespace {

/// The residual block's branch without the shortcut: (N, in, H, W) → (N, out, H/s, W/s).
template <class T>
void add_plain_block(dl::Sequential<T>& net, int in, int out, int stride, dl::Rng& rng) {
    net.template add<dl::Conv2d<T>>(in, out, 3, stride, 1, dl::Init::he, rng, false);
    net.template add<dl::BatchNorm2d<T>>(std::size_t(out));
    net.template add<dl::ReLU<T>>();
    net.template add<dl::Conv2d<T>>(out, out, 3, 1, 1, dl::Init::he, rng, false);
    net.template add<dl::BatchNorm2d<T>>(std::size_t(out));
    net.template add<dl::ReLU<T>>();
}

}  // namespace

//! [build_resnet]
template <class T>
ResNet<T> build_resnet(const Architecture& a, dl::Rng& rng) {
    if (a.blocks_per_stage < 1) throw std::invalid_argument("--blocks must be at least 1, got " + std::to_string(a.blocks_per_stage));
    if (a.width < 1) throw std::invalid_argument("--width must be at least 1, got " + std::to_string(a.width));
    if (a.stochastic_depth < 0 || a.stochastic_depth >= 1)
        throw std::invalid_argument("--stochastic-depth must be in [0, 1), got " + std::to_string(a.stochastic_depth));
    if (!a.residual && a.stochastic_depth > 0) throw std::invalid_argument("--stochastic-depth drops residual branches; a --plain network has none");
    ResNet<T> net;
    net.add_stem(a.width, rng);  // conv3-BN-ReLU: (N,1,28,28) -> (N,w,28,28)
    const int blocks = 3 * a.blocks_per_stage;
    int in = a.width;
    for (int block = 0; block < blocks; ++block) {
        const int stage = block / a.blocks_per_stage;  // 0, 1, 2
        const int out = a.width << stage;              // w, 2w, 4w channels
        const bool first_of_stage = block % a.blocks_per_stage == 0;
        const int stride = (first_of_stage && stage > 0) ? 2 : 1;  // 28 -> 14 -> 7
        if (a.residual) {
            // Stochastic depth's linear rule: deeper blocks are dropped more often.
            const double p = a.stochastic_depth * double(block + 1) / blocks;
            net.add_block(stage + 1, in, out, stride, rng, p, rng.index(1u << 30));
        } else {
            add_plain_block(net, in, out, stride, rng);
        }
        in = out;
    }
    net.template add<dl::GlobalAvgPool2d<T>>();                                   // -> (N, 4w)
    net.template add<dl::Linear<T>>(std::size_t(in), 10, dl::Init::xavier, rng);  // -> (N, 10)
    return net;
}
//! [build_resnet]

template ResNet<float> build_resnet(const Architecture&, dl::Rng&);
template ResNet<double> build_resnet(const Architecture&, dl::Rng&);

template <class T>
void ResNet<T>::add_stem(int width, dl::Rng& rng) {
    stem_.push_back(&this->template add<dl::Conv2d<T>>(1, width, 3, 1, 1, dl::Init::he, rng, false));
    stem_.push_back(&this->template add<dl::BatchNorm2d<T>>(std::size_t(width)));
    stem_.push_back(&this->template add<dl::ReLU<T>>());
}

template <class T>
dl::ResidualBlock<T>& ResNet<T>::add_block(int stage, int in_channels, int out_channels, int stride, dl::Rng& rng, double drop_probability,
                                           std::uint64_t seed) {
    auto& block = this->template add<dl::ResidualBlock<T>>(in_channels, out_channels, stride, rng, drop_probability, seed);
    blocks_.push_back(&block);
    block_stage_.push_back(stage);
    return block;
}

template <class T>
std::vector<dl::Parameter<T>*> ResNet<T>::stem_parameters() const {
    std::vector<dl::Parameter<T>*> parameters;
    for (dl::Layer<T>* layer : stem_)
        for (dl::Parameter<T>* p : layer->parameters()) parameters.push_back(p);
    return parameters;
}

template <class T>
std::vector<dl::Parameter<T>*> ResNet<T>::stage_parameters(int stage) const {
    std::vector<dl::Parameter<T>*> parameters;
    for (std::size_t b = 0; b < blocks_.size(); ++b)
        if (block_stage_[b] == stage)
            for (dl::Parameter<T>* p : blocks_[b]->parameters()) parameters.push_back(p);
    return parameters;
}

template <class T>
std::vector<dl::Parameter<T>*> ResNet<T>::shortcut_parameters() const {
    std::vector<dl::Parameter<T>*> parameters;
    for (dl::ResidualBlock<T>* block : blocks_)
        for (dl::Parameter<T>* p : block->shortcut().parameters()) parameters.push_back(p);
    return parameters;
}

template <class T>
int ResNet<T>::stage_of(const dl::Layer<T>* layer) const {
    if (std::find(stem_.begin(), stem_.end(), layer) != stem_.end()) return 0;
    for (std::size_t b = 0; b < blocks_.size(); ++b)
        if (blocks_[b] == layer) return block_stage_[b];
    return -1;
}

template class ResNet<float>;
template class ResNet<double>;

std::string committed_checkpoint_path() {
    const char* root = std::getenv("BOOK_ROOT");
    return std::string(root != nullptr && *root != '\0' ? root : BOOK_SOURCE_DIR) + "/chapters/04_resnet/pretrained/resnet20.ckpt";
}

dl::Normalization training_normalization() {
    const Settings main_run;  // the checkpoint was trained with the defaults
    return dl::fashion_mnist_training_normalization(main_run.data_dir, main_run.val_size, main_run.seed);
}

std::string describe(const Architecture& a) {
    std::string text = std::string(a.residual ? "ResNet-" : "plain-") + std::to_string(a.depth()) + " (" + std::to_string(a.width) + "-" +
                       std::to_string(2 * a.width) + "-" + std::to_string(4 * a.width) + ")";
    if (a.stochastic_depth > 0) text += ", stochastic depth " + std::to_string(a.stochastic_depth).substr(0, 4);
    return text;
}

std::string architecture_tag(const Architecture& a) {
    return std::string(a.residual ? "resnet" : "plain") + std::to_string(a.depth()) + "-w" + std::to_string(a.width);
}

}  // namespace ch04

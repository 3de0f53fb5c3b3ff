// Chapter 5 — the U-Net, its forward and backward passes written out level by level.
#include "unet.hpp"

#include "dl/layers/activations.hpp"
#include "dl/layers/batch_norm.hpp"
#include "dl/layers/concat.hpp"
#include "dl/layers/conv_transpose2d.hpp"
#include "dl/layers/prefix_names.hpp"
#include "dl/layers/upsample.hpp"
#include "dl/util/names.hpp"

#include <sstream>
#include <stdexcept>

namespace ch05 {

const std::map<std::string, Decoder>& decoder_names() {
    static const std::map<std::string, Decoder> names = {{"upsample", Decoder::upsample}, {"transpose", Decoder::transpose}, {"unet", Decoder::unet}};
    return names;
}

std::string decoder_name(Decoder decoder) { return dl::name_of(decoder_names(), decoder); }

const std::map<std::string, Encoder>& encoder_names() {
    static const std::map<std::string, Encoder> names = {{"plain", Encoder::plain}, {"resnet20", Encoder::resnet20}};
    return names;
}

std::string encoder_name(Encoder encoder) { return dl::name_of(encoder_names(), encoder); }

namespace {

/// Two 3×3 convolutions, each followed by BatchNorm and ReLU: (N, in, H, W) → (N, out, H, W).
template <class T>
dl::Sequential<T> conv_block(int in, int out, dl::Rng& rng) {
    dl::Sequential<T> block;
    for (int i = 0; i < 2; ++i) {
        block.template add<dl::Conv2d<T>>(i == 0 ? in : out, out, 3, 1, 1, dl::Init::he, rng, false);
        block.template add<dl::BatchNorm2d<T>>(std::size_t(out));
        block.template add<dl::ReLU<T>>();
    }
    return block;
}

/// The way up from (N, in, H, W) to (N, out, 2H, 2W): copy pixels then convolve, or a
/// learned transposed convolution.
template <class T>
dl::Sequential<T> way_up(Decoder decoder, int in, int out, dl::Rng& rng) {
    dl::Sequential<T> up;
    if (decoder == Decoder::upsample) {
        up.template add<dl::Upsample<T>>(2);
        up.template add<dl::Conv2d<T>>(in, out, 3, 1, 1, dl::Init::he, rng);
    } else {
        up.template add<dl::ConvTranspose2d<T>>(in, out, 2, 2, 0, dl::Init::he, rng);
    }
    return up;
}

}  // namespace

template <class T>
UNet<T>::UNet(const Architecture& a, dl::Rng& rng) : architecture_(a) {
    if (a.encoder == Encoder::resnet20) {
        ch04::Architecture resnet20;  // 3 blocks per stage
        resnet20.width = a.width;
        take_resnet_encoder(ch04::build_resnet<T>(resnet20, rng));
    } else {
        build_plain_encoder(rng);
    }
    build_decoder(rng);
}

template <class T>
UNet<T>::UNet(const Architecture& a, ch04::ResNet<T> resnet, dl::Rng& rng) : architecture_(a) {
    if (a.encoder != Encoder::resnet20) throw std::invalid_argument("UNet: a ResNet was given for an encoder that is not resnet20");
    take_resnet_encoder(std::move(resnet));
    build_decoder(rng);
}

template <class T>
void UNet<T>::build_plain_encoder(dl::Rng& rng) {
    const Architecture& a = architecture_;
    if (a.levels < 1 || a.levels > 5) throw std::invalid_argument("--levels must be in [1, 5], got " + std::to_string(a.levels));
    if (a.width < 1) throw std::invalid_argument("--width must be at least 1, got " + std::to_string(a.width));
    int in = 1;
    for (int level = 0; level < a.levels; ++level) {
        const int channels = a.width << level;
        encoder_.push_back(conv_block<T>(in, channels, rng));
        dl::prefix_names(encoder_.back(), "encoder." + std::to_string(level) + ".");
        pool_.emplace_back(2);
        skip_channels_.push_back(std::size_t(channels));
        in = channels;
    }
    bottleneck_ = conv_block<T>(in, 2 * in, rng);
    dl::prefix_names(bottleneck_, "bottleneck.");
}

//! [resnet_encoder]
template <class T>
void UNet<T>::take_resnet_encoder(ch04::ResNet<T> resnet) {
    // The ResNet says which stage each of its layers belongs to: the stem and stage 1 become
    // encoder level 0, stage 2 level 1, stage 3 the bottleneck; the pool and the linear layer go.
    if (architecture_.levels != 2) throw std::invalid_argument("--levels: a ResNet encoder has 2 levels above its bottleneck");
    const std::vector<dl::Parameter<T>*> stem = resnet.stem_parameters();
    if (resnet.blocks().empty() || stem.empty() || stem[0]->value.shape(0) != std::size_t(architecture_.width))
        throw std::invalid_argument("UNet: the encoder must be a chapter-4 ResNet of width " + std::to_string(architecture_.width));
    encoder_.resize(2);
    for (std::unique_ptr<dl::Layer<T>>& layer : resnet.release_layers()) {
        const int stage = resnet.stage_of(layer.get());
        if (stage == 0 || stage == 1)
            encoder_[0].append(std::move(layer));
        else if (stage == 2)
            encoder_[1].append(std::move(layer));
        else if (stage == 3)
            bottleneck_.append(std::move(layer));
    }
    dl::prefix_names(encoder_[0], "encoder.0.");   // stem + stage 1: (N, w, H, W)
    dl::prefix_names(encoder_[1], "encoder.1.");   // stage 2: (N, 2w, H/2, W/2)
    dl::prefix_names(bottleneck_, "bottleneck.");  // stage 3: (N, 4w, H/4, W/4)
    skip_channels_ = {std::size_t(architecture_.width), std::size_t(2 * architecture_.width)};
}
//! [resnet_encoder]

template <class T>
void UNet<T>::build_decoder(dl::Rng& rng) {
    const Architecture& a = architecture_;
    int in = a.width << a.levels;  // the bottleneck's channels
    up_.resize(std::size_t(a.levels));
    decoder_.resize(std::size_t(a.levels));
    for (int level = a.levels - 1; level >= 0; --level) {  // built bottom-up, the order data flows
        const int channels = a.width << level;
        up_[std::size_t(level)] = way_up<T>(a.decoder, in, channels, rng);
        dl::prefix_names(up_[std::size_t(level)], "up." + std::to_string(level) + ".");
        decoder_[std::size_t(level)] = conv_block<T>(skips() ? 2 * channels : channels, channels, rng);
        dl::prefix_names(decoder_[std::size_t(level)], "decoder." + std::to_string(level) + ".");
        in = channels;
    }
    head_ = std::make_unique<dl::Conv2d<T>>(a.width, a.classes, 1, 1, 0, dl::Init::xavier, rng);
    dl::prefix_names(*head_, "head.");
}

//! [unet_forward]
template <class T>
dl::Tensor<T> UNet<T>::forward(const dl::Tensor<T>& x) {
    const std::size_t multiple = std::size_t(1) << architecture_.levels;
    if (x.dimension() != 4 || x.shape(2) % multiple != 0 || x.shape(3) % multiple != 0) {
        throw std::invalid_argument(name() + ": expected (N, 1, H, W) with H and W divisible by " + std::to_string(multiple) + ", got " +
                                    dl::shape_string(dl::shape_of(x)));
    }
    const auto levels = std::size_t(architecture_.levels);
    std::vector<dl::Tensor<T>> skip(levels);  // [l] (N, w·2^l, H/2^l, W/2^l)
    dl::Tensor<T> h = x;
    for (std::size_t l = 0; l < levels; ++l) {
        skip[l] = encoder_[l].forward(h);
        h = pooled() ? pool_[l].forward(skip[l]) : skip[l];  // a ResNet stage downsamples in its first block
    }
    h = bottleneck_.forward(h);  // (N, w·2^L, H/2^L, W/2^L)
    for (std::size_t l = levels; l-- > 0;) {
        const dl::Tensor<T> up = up_[l].forward(h);  // (N, w·2^l, H/2^l, W/2^l)
        h = decoder_[l].forward(skips() ? dl::concat_channels(skip[l], up) : up);
    }
    return head_->forward(h);  // (N, classes, H, W)
}
//! [unet_forward]

//! [unet_backward]
template <class T>
dl::Tensor<T> UNet<T>::backward(const dl::Tensor<T>& dy) {
    const auto levels = std::size_t(architecture_.levels);
    std::vector<dl::Tensor<T>> dskip(levels);  // [l] gradient arriving at skip l from across
    dl::Tensor<T> g = head_->backward(dy);     // (N, w, H, W)
    for (std::size_t l = 0; l < levels; ++l) {
        g = decoder_[l].backward(g);
        if (skips()) {
            auto [to_skip, to_up] = dl::split_channels(g, skip_channels_[l]);  // the concatenation splits
            dskip[l] = std::move(to_skip);
            g = std::move(to_up);
        }
        g = up_[l].backward(g);
    }
    g = bottleneck_.backward(g);
    for (std::size_t l = levels; l-- > 0;) {
        if (pooled()) g = pool_[l].backward(g);
        if (skips()) g += dskip[l];  // the encoder output fed two paths: their gradients add
        g = encoder_[l].backward(g);
    }
    return g;  // (N, 1, H, W)
}
//! [unet_backward]

template <class T>
std::vector<dl::Layer<T>*> UNet<T>::parts() {
    std::vector<dl::Layer<T>*> all;
    for (auto& block : encoder_) all.push_back(&block);
    all.push_back(&bottleneck_);
    for (std::size_t l = encoder_.size(); l-- > 0;) {
        all.push_back(&up_[l]);
        all.push_back(&decoder_[l]);
    }
    all.push_back(head_.get());
    return all;
}

template <class T>
std::vector<dl::Parameter<T>*> UNet<T>::parameters() {
    std::vector<dl::Parameter<T>*> all;
    for (dl::Layer<T>* part : parts()) {
        for (dl::Parameter<T>* p : part->parameters()) all.push_back(p);
    }
    return all;
}

template <class T>
std::vector<dl::Buffer<T>*> UNet<T>::buffers() {
    std::vector<dl::Buffer<T>*> all;
    for (dl::Layer<T>* part : parts()) {
        for (dl::Buffer<T>* b : part->buffers()) all.push_back(b);
    }
    return all;
}

template <class T>
void UNet<T>::train(bool on) {
    dl::Layer<T>::train(on);
    for (dl::Layer<T>* part : parts()) part->train(on);
}

template <class T>
std::string UNet<T>::name() const {
    return describe(architecture_);
}

template <class T>
std::string UNet<T>::summary() {
    std::ostringstream out;
    const auto levels = encoder_.size();
    for (std::size_t l = 0; l < levels; ++l) out << "  encoder " << l << ": " << dl::parameter_count(encoder_[l]) << " parameters\n";
    out << "  bottleneck: " << dl::parameter_count(bottleneck_) << " parameters\n";
    for (std::size_t l = levels; l-- > 0;) {
        std::string way;  // "Upsample(nearest, x2) + Conv2d(...)" or "ConvTranspose2d(...)"
        for (std::size_t i = 0; i < up_[l].size(); ++i) way += (i ? " + " : "") + up_[l][i].name();
        out << "  up " << l << " (" << way << "): " << dl::parameter_count(up_[l]) << " parameters\n";
        out << "  decoder " << l << (skips() ? " (after the skip concatenation)" : "") << ": " << dl::parameter_count(decoder_[l]) << " parameters\n";
    }
    out << "  head (" << head_->name() << "): " << dl::parameter_count(*head_) << " parameters\n";
    out << "  total: " << dl::parameter_count(*this) << " parameters\n";
    return out.str();
}

template class UNet<float>;
template class UNet<double>;

std::string describe(const Architecture& a) {
    std::string widths;
    for (int l = 0; l <= a.levels; ++l) widths += (l ? "-" : "") + std::to_string(a.width << l);
    const std::string how = a.decoder == Decoder::upsample    ? "nearest upsample + conv, no skips"
                            : a.decoder == Decoder::transpose ? "transposed conv, no skips"
                                                              : "transposed conv + skips";
    const std::string encoder = a.encoder == Encoder::resnet20 ? "ResNet-20 encoder " : std::to_string(a.levels) + " levels, ";
    return std::string(a.decoder == Decoder::unet ? "U-Net" : "encoder-decoder") + " (" + encoder + widths + ", " + how + ")";
}

std::string architecture_tag(const Architecture& a) {
    if (a.encoder == Encoder::resnet20) return "unet-resnet20-" + decoder_name(a.decoder);
    return "unet" + std::to_string(a.levels) + "-w" + std::to_string(a.width) + "-" + decoder_name(a.decoder);
}

}  // namespace ch05

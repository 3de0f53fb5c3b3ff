// Chapter 5 — the U-Net: an encoder that shrinks the image to a coarse grid of features, a
// decoder that grows it back to one class score per pixel, and (optionally) skip
// connections that hand each decoder level the encoder's features of the same size.
#pragma once

#include "resnet.hpp"  // chapter 4: the ResNet-20 encoder

#include "dl/layers/conv2d.hpp"
#include "dl/layers/max_pool2d.hpp"
#include "dl/layers/sequential.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ch05 {

/// How the decoder goes back up: the chapter's ablation.
enum class Decoder {
    upsample,   ///< (a) nearest-neighbour upsampling, then a 3×3 convolution; no skips
    transpose,  ///< (b) a learned 2×2 stride-2 transposed convolution; no skips
    unet,       ///< (c) the transposed convolution, and the encoder's features concatenated in
};

/// The `--decoder` values: "upsample", "transpose", "unet".
const std::map<std::string, Decoder>& decoder_names();
/// The flag value of @p decoder.
std::string decoder_name(Decoder decoder);

/// What the way down is made of.
enum class Encoder {
    plain,     ///< conv blocks and max pooling, `levels` levels of `width`, 2·width… channels, trained from scratch
    resnet20,  ///< chapter 4's ResNet cut before its pooling: stem + stage 1, stage 2, and stage 3 as bottleneck
};

/// The `--encoder` values: "plain", "resnet20".
const std::map<std::string, Encoder>& encoder_names();
/// The flag value of @p encoder.
std::string encoder_name(Encoder encoder);

/// The shape of the network.
struct Architecture {
    Encoder encoder = Encoder::resnet20;  ///< see Encoder
    int levels = 2;                       ///< encoder levels, each halving the image: 64 → 16 with 2 (a ResNet encoder: always 2)
    int width = 16;                       ///< channels at the first level; each deeper level doubles them (ResNet-20's: 16)
    Decoder decoder = Decoder::unet;      ///< see Decoder
    int classes = 11;                     ///< output channels: one score per class per pixel
};

/// The U-Net of Ronneberger, Fischer & Brox (2015), scaled down for 64×64 gray images,
/// with padded convolutions so that every level keeps its size exactly. With the plain
/// encoder, w = width and L = 3 levels (shapes for a 64×64 input):
///
///     encoder 0: conv3-BN-ReLU ×2          (N,1,64,64)   → (N,w,64,64)   ──────────── skip 0
///     pool, encoder 1                      → (N,2w,32,32) ─────────────────────────── skip 1
///     pool, encoder 2                      → (N,4w,16,16) ─────────────────────────── skip 2
///     pool, bottleneck                     → (N,8w,8,8)
///     up 2 → (N,4w,16,16), [concat skip 2 → (N,8w,16,16)], conv block → (N,4w,16,16)
///     up 1 → (N,2w,32,32), [concat skip 1 → (N,4w,32,32)], conv block → (N,2w,32,32)
///     up 0 → (N,w,64,64),  [concat skip 0 → (N,2w,64,64)], conv block → (N,w,64,64)
///     1×1 convolution                      → (N,classes,64,64) class scores
///
/// The ResNet-20 encoder has the same structure with L = 2 and w = 16, its stages in place
/// of the conv blocks and its strided blocks in place of the pooling.
///
/// Forward and backward are written out level by level, so the graph is visible: at a
/// concatenation the gradient is split in two, and at each encoder output, which feeds
/// both the pooling below it and the skip across, the two gradients are added.
/// Templated on the scalar like the library's layers: trained in float, gradient-checked
/// in double.
template <class T>
class UNet : public dl::Layer<T> {
public:
    /// A U-Net with randomly initialized weights (a ResNet-20 encoder too, if asked for).
    UNet(const Architecture& architecture, dl::Rng& rng);

    /// A U-Net whose encoder is @p resnet, a ResNet from ch04::build_resnet (typically
    /// ResNet-20 with a trained checkpoint loaded): its stem and first stage become encoder
    /// level 0 (w channels at full size), its second stage level 1 (2w channels, half
    /// size), its third stage the bottleneck (4w channels, quarter size); its pooling and
    /// linear layer are dropped. The strided first block of each stage does the
    /// downsampling that max pooling does in the plain encoder. architecture.encoder must be
    /// resnet20, with levels 2 and width w.
    UNet(const Architecture& architecture, ch04::ResNet<T> resnet, dl::Rng& rng);

    dl::Tensor<T> forward(const dl::Tensor<T>& x) override;  ///< (N,1,H,W) → (N,classes,H,W); H, W divisible by 2^L
    dl::Tensor<T> backward(const dl::Tensor<T>& dy) override;
    std::vector<dl::Parameter<T>*> parameters() override;
    std::vector<dl::Buffer<T>*> buffers() override;
    std::string name() const override;
    void train(bool on = true) override;

    /// Every part with its parameter count, one per line.
    std::string summary();

private:
    bool skips() const { return architecture_.decoder == Decoder::unet; }
    bool pooled() const { return architecture_.encoder == Encoder::plain; }
    void build_plain_encoder(dl::Rng& rng);
    void take_resnet_encoder(ch04::ResNet<T> resnet);
    void build_decoder(dl::Rng& rng);
    std::vector<dl::Layer<T>*> parts();

    Architecture architecture_;
    std::vector<dl::Sequential<T>> encoder_;  // [level] conv blocks
    std::vector<dl::MaxPool2d<T>> pool_;      // [level], plain encoder only
    dl::Sequential<T> bottleneck_;
    std::vector<dl::Sequential<T>> up_;       // [level] the way up to that level
    std::vector<dl::Sequential<T>> decoder_;  // [level] conv blocks after the way up
    std::unique_ptr<dl::Conv2d<T>> head_;     // 1×1, w → classes
    std::vector<std::size_t> skip_channels_;  // [level] channels of skip l
};

/// A one-line description such as "U-Net (ResNet-20 encoder 16-32-64, transposed conv +
/// skips)": the encoder and the widths of its levels and bottleneck, and the decoder.
std::string describe(const Architecture& architecture);

/// The checkpoint tag, such as "unet-resnet20-unet" or "unet3-w8-unet".
std::string architecture_tag(const Architecture& architecture);

}  // namespace ch05

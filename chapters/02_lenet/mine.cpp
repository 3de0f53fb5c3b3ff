// Chapter 2 — LeNet-5's convolutions and max pooling, computed by the reader's answers to
// exercises 2.1–2.5 (namespace ex02). The answers work in double precision on single images
// or whole batches, as exercises.hpp describes; these layers convert the network's float
// tensors on the way in and out, and check every shape the answers return.
#include "mine.hpp"

#include "exercises.hpp"

#include "dl/blas.hpp"
#include "dl/layers/conv2d.hpp"
#include "dl/layers/max_pool2d.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace ch02 {
namespace {

using ex02::Array;

Array to_double(const dl::Tensor<float>& t) {
    Array copy = Array::from_shape(dl::shape_of(t));
    std::copy(t.begin(), t.end(), copy.begin());
    return copy;
}

dl::Tensor<float> to_float(const Array& t) {
    dl::Tensor<float> copy = dl::Tensor<float>::from_shape(dl::shape_of(t));
    std::copy(t.begin(), t.end(), copy.begin());
    return copy;
}

/// Stops training when an answer returns an array of another shape than the network needs.
void require_shape(const Array& answer, const dl::Shape& expected, const std::string& exercise) {
    if (dl::shape_of(answer) == expected) return;
    throw std::runtime_error("your " + exercise + " returned shape " + dl::shape_string(dl::shape_of(answer)) + " where LeNet-5 needs " +
                             dl::shape_string(expected) + " (./book check 02 tests it on the chapter's examples)");
}

/// A convolution whose parameters are the library's Conv2d's, and whose arithmetic is the
/// reader's: forward through exercise 2.3 (or 2.5), backward through 2.1 and 2.2.
class ReaderConv2d : public dl::Layer<float> {
public:
    ReaderConv2d(std::unique_ptr<dl::Conv2d<float>> conv, bool naive) : conv_(std::move(conv)), naive_(naive) {}

    dl::Tensor<float> forward(const dl::Tensor<float>& x) override {
        input_ = to_double(x);  // (N, C, H, W)
        const dl::ConvGeometry g = conv_->geometry(int(x.shape(2)), int(x.shape(3)));
        const Array w = to_double(conv_->weight().value);  // (F, C, K, K)
        const Array b = to_double(conv_->bias().value);    // (F)
        const Array y = naive_ ? ex02::conv2d_naive(input_, w, b, g.stride, g.padding)
                               : ex02::conv2d_forward_gemm(input_, w, b, g.stride, g.padding);  // (N, F, OH, OW)
        require_shape(y, {x.shape(0), w.shape(0), std::size_t(g.out_h()), std::size_t(g.out_w())},
                      naive_ ? "conv2d_naive (2.5)" : "conv2d_forward_gemm (2.3)");
        return to_float(y);
    }

    /// dW += Σ_n dY_n · col_nᵀ, db += Σ dY, and (unless this is the first layer)
    /// dx_n = col2im(Wᵀ · dY_n), with col_n = im2col(x_n) from the reader's 2.1 and 2.2.
    dl::Tensor<float> backward(const dl::Tensor<float>& dy) override {
        const std::size_t images = input_.shape(0);
        const int channels = int(input_.shape(1)), height = int(input_.shape(2)), width = int(input_.shape(3));
        const dl::ConvGeometry g = conv_->geometry(height, width);
        const int filters = int(conv_->weight().value.shape(0)), patch = g.patch_size(), positions = g.positions();
        const Array w = to_double(conv_->weight().value);  // (F, C, K, K), read as (F, C·K·K)
        const Array dy_double = to_double(dy);             // (N, F, OH, OW), each image (F, OH·OW)
        Array dw = xt::zeros<double>(dl::shape_of(w));     // (F, C, K, K)
        Array db = xt::zeros<double>({std::size_t(filters)});
        Array dx = xt::zeros<double>(dl::shape_of(input_));                            // (N, C, H, W)
        Array dcol = Array::from_shape({std::size_t(patch), std::size_t(positions)});  // (C·K·K, OH·OW)
        const std::size_t image_size = std::size_t(channels) * height * width;
        for (std::size_t n = 0; n < images; ++n) {
            Array image = Array::from_shape({std::size_t(channels), std::size_t(height), std::size_t(width)});  // (C, H, W)
            std::copy(input_.data() + n * image_size, input_.data() + (n + 1) * image_size, image.data());
            const Array col = ex02::im2col(image, g.kernel_h, g.stride, g.padding);  // (C·K·K, OH·OW)
            require_shape(col, {std::size_t(patch), std::size_t(positions)}, "im2col (2.1)");
            const double* dy_n = dy_double.data() + n * std::size_t(filters) * positions;  // (F, OH·OW)
            dl::gemm(false, true, filters, patch, positions, 1.0, dy_n, col.data(), 1.0, dw.data());
            for (int f = 0; f < filters; ++f)
                for (int p = 0; p < positions; ++p) db(f) += dy_n[std::size_t(f) * positions + p];
            if (!conv_->input_gradient_needed()) continue;
            dl::gemm(true, false, patch, positions, filters, 1.0, w.data(), dy_n, 0.0, dcol.data());
            const Array dx_n = ex02::col2im(dcol, channels, height, width, g.kernel_h, g.stride, g.padding);  // (C, H, W)
            require_shape(dx_n, dl::shape_of(image), "col2im (2.2)");
            std::copy(dx_n.begin(), dx_n.end(), dx.data() + n * image_size);
        }
        conv_->weight().grad += to_float(dw);
        conv_->bias().grad += to_float(db);
        return conv_->input_gradient_needed() ? to_float(dx) : dl::Tensor<float>{};
    }

    std::vector<dl::Parameter<float>*> parameters() override { return conv_->parameters(); }
    std::string name() const override { return conv_->name() + (naive_ ? " [yours: 2.5, 2.1, 2.2]" : " [yours: 2.3, 2.1, 2.2]"); }

private:
    std::unique_ptr<dl::Conv2d<float>> conv_;
    bool naive_;
    Array input_;  // (N, C, H, W), kept by forward for backward
};

/// Max pooling with the library's forward pass and the reader's backward pass (2.4).
class ReaderMaxPool2d : public dl::Layer<float> {
public:
    explicit ReaderMaxPool2d(std::unique_ptr<dl::MaxPool2d<float>> pool) : pool_(std::move(pool)) {
        if (pool_->stride() != pool_->kernel() || pool_->padding() != 0)
            throw std::invalid_argument("exercise 2.4's maxpool_backward covers windows with stride = kernel and no padding, not " + pool_->name());
    }

    dl::Tensor<float> forward(const dl::Tensor<float>& x) override {
        input_ = to_double(x);  // (N, C, H, W)
        return pool_->forward(x);
    }

    dl::Tensor<float> backward(const dl::Tensor<float>& dy) override {
        const Array dx = ex02::maxpool_backward(input_, to_double(dy), pool_->kernel());  // (N, C, H, W)
        require_shape(dx, dl::shape_of(input_), "maxpool_backward (2.4)");
        return to_float(dx);
    }

    std::string name() const override { return pool_->name() + " [yours: 2.4]"; }

private:
    std::unique_ptr<dl::MaxPool2d<float>> pool_;
    Array input_;  // (N, C, H, W)
};

}  // namespace

std::vector<std::string> use_reader_code(LeNet5& model, const std::string& conv_algorithm) {
    if (conv_algorithm != "gemm" && conv_algorithm != "naive") throw std::invalid_argument("--conv: unknown algorithm '" + conv_algorithm + "'");
    const bool naive = conv_algorithm == "naive";
    int convolutions = 0, input_gradients = 0, max_pools = 0;
    // The network names its convolutions and max poolings; each is taken out of the chain
    // and put back inside a layer that computes with the reader's code.
    const std::vector<dl::Conv2d<float>*> convs = {&model.conv1(), &model.conv2()};
    const std::vector<dl::MaxPool2d<float>*> pooling = model.max_pools();
    for (std::unique_ptr<dl::Layer<float>>& layer : model.release_layers()) {
        const auto conv = std::find(convs.begin(), convs.end(), layer.get());
        const auto pool = std::find(pooling.begin(), pooling.end(), layer.get());
        if (conv != convs.end()) {
            std::unique_ptr<dl::Conv2d<float>> owned(*conv);  // the same layer, held with its own type
            (void)layer.release();
            if (owned->input_gradient_needed()) ++input_gradients;
            model.append(std::make_unique<ReaderConv2d>(std::move(owned), naive));
            ++convolutions;
        } else if (pool != pooling.end()) {
            std::unique_ptr<dl::MaxPool2d<float>> owned(*pool);
            (void)layer.release();
            model.append(std::make_unique<ReaderMaxPool2d>(std::move(owned)));
            ++max_pools;
        } else {
            model.append(std::move(layer));
        }
    }
    const auto in_convolutions = [](int count) { return " in " + std::to_string(count) + (count == 1 ? " convolution" : " convolutions"); };
    const std::string in_convs = in_convolutions(convolutions);
    const std::string pools = max_pools > 0 ? "max-pool backward, in " + std::to_string(max_pools) + " pooling layers"
                                            : "not used: this LeNet pools by averaging (--classic)";
    return {
        "2.1 im2col               backward: weight and input gradients" + in_convs,
        "2.2 col2im               backward: input gradients" + in_convolutions(input_gradients) + " (the first needs none: its input is the images)",
        "2.3 conv2d_forward_gemm  " + (naive ? std::string("not used: --conv naive") : "forward" + in_convs), "2.4 maxpool_backward     " + pools,
        "2.5 conv2d_naive         " + (naive ? "forward" + in_convs : std::string("not used (--conv naive uses it instead of 2.3)"))};
}

}  // namespace ch02

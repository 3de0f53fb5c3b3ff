#include "dl/layers/residual_block.hpp"

#include "dl/layers/activations.hpp"
#include "dl/layers/tensor_loops.hpp"
#include "dl/layers/batch_norm.hpp"
#include "dl/layers/prefix_names.hpp"
#include "dl/layers/relu_ops.hpp"

#include <stdexcept>

namespace dl {

template <class T>
ResidualBlock<T>::ResidualBlock(int in_channels, int out_channels, int stride, Rng& rng, double drop_probability, std::uint64_t seed)
    : in_(in_channels), out_(out_channels), stride_(stride), drop_probability_(drop_probability), rng_(seed) {
    if (stride != 1 && stride != 2) throw std::invalid_argument("ResidualBlock: stride must be 1 or 2, got " + std::to_string(stride));
    if (drop_probability < 0.0 || drop_probability >= 1.0) {
        throw std::invalid_argument("ResidualBlock: drop probability must be in [0, 1), got " + std::to_string(drop_probability));
    }
    const auto out = std::size_t(out_channels);
    // No convolution biases: each convolution is followed by BatchNorm, whose β does that job.
    branch_.template add<Conv2d<T>>(in_channels, out_channels, 3, stride, 1, Init::he, rng, false);
    branch_.template add<BatchNorm2d<T>>(out);
    branch_.template add<ReLU<T>>();
    branch_.template add<Conv2d<T>>(out_channels, out_channels, 3, 1, 1, Init::he, rng, false);
    branch_.template add<BatchNorm2d<T>>(out);
    prefix_names(branch_, "branch.");
    if (stride != 1 || in_channels != out_channels) {
        projection_.template add<Conv2d<T>>(in_channels, out_channels, 1, stride, 0, Init::he, rng, false);
        projection_.template add<BatchNorm2d<T>>(out);
        prefix_names(projection_, "shortcut.");
    }
}

template <class T>
Tensor<T> ResidualBlock<T>::forward(const Tensor<T>& x) {
    // Stochastic depth: in training, keep the branch with probability 1 − p; in evaluation,
    // always keep it, scaled by 1 − p (its expected contribution in training).
    branch_used_ = !(this->training_ && drop_probability_ > 0.0 && rng_.uniform(0.0, 1.0) < drop_probability_);
    branch_scale_ = this->training_ ? T(1) : T(1.0 - drop_probability_);
    //! [residual_forward]
    const Tensor<T> projected = has_projection() ? projection_.forward(x) : Tensor<T>();  // (N, out, H/s, W/s)
    const Tensor<T>& shortcut = has_projection() ? projected : x;                         // (N, out, H/s, W/s)
    if (branch_used_) {
        sum_ = branch_.forward(x);  // (N, out, H/s, W/s)
        check_branch_shape(x, shortcut);
        if (branch_scale_ != T(1)) sum_ *= branch_scale_;
        add_into(sum_, shortcut);  // sum = branch + shortcut
    } else {
        copy_into(sum_, shortcut);  // the branch was dropped: the shortcut alone
    }
    return relu(sum_);  // ReLU after the sum
    //! [residual_forward]
}

template <class T>
void ResidualBlock<T>::check_branch_shape(const Tensor<T>& x, const Tensor<T>& shortcut) const {
    if (sum_.shape() != shortcut.shape()) {
        throw std::invalid_argument(name() + ": for input " + shape_string(shape_of(x)) + " the branch gives " + shape_string(shape_of(sum_)) +
                                    " but the shortcut " + shape_string(shape_of(shortcut)));
    }
}

template <class T>
Tensor<T> ResidualBlock<T>::backward(const Tensor<T>& dy) {
    if (dy.shape() != sum_.shape()) throw std::invalid_argument(name() + ": gradient " + shape_string(shape_of(dy)) + " does not match the last output");
    //! [residual_backward]
    const Tensor<T> dsum = relu_backward(sum_, dy);  // (N, out, H/s, W/s), through the final ReLU
    // The sum sends dsum to both paths; the fork at x adds what comes back from each.
    if (!branch_used_) return has_projection() ? projection_.backward(dsum) : dsum;
    Tensor<T> dx = branch_backward(dsum);  // (N, in, H, W)
    if (has_projection()) {
        add_into(dx, projection_.backward(dsum));
    } else {
        add_into(dx, dsum);  // the identity passes dsum straight through
    }
    return dx;
    //! [residual_backward]
}

template <class T>
Tensor<T> ResidualBlock<T>::branch_backward(const Tensor<T>& dsum) {
    if (branch_scale_ == T(1)) return branch_.backward(dsum);
    return branch_.backward(Tensor<T>(branch_scale_ * dsum));  // evaluation with stochastic depth
}

template <class T>
std::vector<Parameter<T>*> ResidualBlock<T>::parameters() {
    std::vector<Parameter<T>*> all = branch_.parameters();
    for (Parameter<T>* p : projection_.parameters()) all.push_back(p);
    return all;
}

template <class T>
std::vector<Buffer<T>*> ResidualBlock<T>::buffers() {
    std::vector<Buffer<T>*> all = branch_.buffers();
    for (Buffer<T>* b : projection_.buffers()) all.push_back(b);
    return all;
}

template <class T>
std::string ResidualBlock<T>::name() const {
    return "ResidualBlock(" + std::to_string(in_) + " -> " + std::to_string(out_) + ", stride " + std::to_string(stride_) +
           (projection_.size() > 0 ? ", projection" : ", identity") +
           (drop_probability_ > 0 ? ", drop " + std::to_string(drop_probability_).substr(0, 4) : "") + ")";
}

template <class T>
void ResidualBlock<T>::train(bool on) {
    Layer<T>::train(on);
    branch_.train(on);
    projection_.train(on);
}

template class ResidualBlock<float>;
template class ResidualBlock<double>;

}  // namespace dl

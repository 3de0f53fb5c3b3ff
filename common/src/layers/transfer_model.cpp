#include "dl/layers/transfer_model.hpp"

#include "dl/layers/prefix_names.hpp"
#include "dl/layers/surgery.hpp"

#include <xtensor/xbuilder.hpp>

namespace dl {

template <class T>
TransferModel<T>::TransferModel(Sequential<T> body, Sequential<T> head) : body_(std::move(body)), head_(std::move(head)) {
    prefix_names(body_, "body.");
    prefix_names(head_, "head.");
}

template <class T>
Tensor<T> TransferModel<T>::forward(const Tensor<T>& x) {
    input_shape_ = shape_of(x);
    return head_.forward(body_.forward(x));  // (N, C, H, W) → (N, F) → (N, K)
}

//! [transfer_backward]
template <class T>
Tensor<T> TransferModel<T>::backward(const Tensor<T>& dy) {
    const Tensor<T> d_features = head_.backward(dy);  // (N, F)
    if (body_frozen_) return Tensor<T>(xt::zeros<T>(input_shape_));  // nothing before the body learns
    return body_.backward(d_features);                // (N, C, H, W)
}
//! [transfer_backward]

template <class T>
std::vector<Parameter<T>*> TransferModel<T>::parameters() {
    std::vector<Parameter<T>*> all = body_.parameters();
    for (Parameter<T>* p : head_.parameters()) all.push_back(p);
    return all;
}

template <class T>
std::vector<Buffer<T>*> TransferModel<T>::buffers() {
    std::vector<Buffer<T>*> all = body_.buffers();
    for (Buffer<T>* b : head_.buffers()) all.push_back(b);
    return all;
}

template <class T>
void TransferModel<T>::train(bool on) {
    Layer<T>::train(on);
    body_.train(on);
    head_.train(on);
}

template <class T>
void TransferModel<T>::freeze_body(bool frozen) {
    set_frozen(body_, frozen);
    body_frozen_ = frozen;
}

template class TransferModel<float>;
template class TransferModel<double>;

}  // namespace dl

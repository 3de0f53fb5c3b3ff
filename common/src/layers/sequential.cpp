#include "dl/layers/sequential.hpp"

#include <sstream>

namespace dl {

template <class T>
void Sequential<T>::append(std::unique_ptr<Layer<T>> layer) {
    const std::string prefix = std::to_string(layers_.size()) + ".";
    for (Parameter<T>* p : layer->parameters()) p->name = prefix + p->name;
    for (Buffer<T>* b : layer->buffers()) b->name = prefix + b->name;
    layer->train(this->training_);
    layers_.push_back(std::move(layer));
}

template <class T>
Tensor<T> Sequential<T>::forward(const Tensor<T>& x) {
    Tensor<T> activation = x;
    for (auto& layer : layers_) activation = layer->forward(activation);
    return activation;
}

template <class T>
Tensor<T> Sequential<T>::backward(const Tensor<T>& dy) {
    Tensor<T> gradient = dy;
    for (auto it = layers_.rbegin(); it != layers_.rend(); ++it) gradient = (*it)->backward(gradient);
    return gradient;
}

template <class T>
std::vector<Parameter<T>*> Sequential<T>::parameters() {
    std::vector<Parameter<T>*> all;
    for (auto& layer : layers_) {
        for (Parameter<T>* p : layer->parameters()) all.push_back(p);
    }
    return all;
}

template <class T>
std::vector<Buffer<T>*> Sequential<T>::buffers() {
    std::vector<Buffer<T>*> all;
    for (auto& layer : layers_) {
        for (Buffer<T>* b : layer->buffers()) all.push_back(b);
    }
    return all;
}

template <class T>
std::string Sequential<T>::name() const {
    return "Sequential(" + std::to_string(layers_.size()) + " layers)";
}

template <class T>
void Sequential<T>::train(bool on) {
    Layer<T>::train(on);
    for (auto& layer : layers_) layer->train(on);
}

template <class T>
std::vector<std::unique_ptr<Layer<T>>> Sequential<T>::release_layers() {
    for (std::size_t i = 0; i < layers_.size(); ++i) {
        const std::size_t prefix = std::to_string(i).size() + 1;  // "<i>."
        for (Parameter<T>* p : layers_[i]->parameters()) p->name.erase(0, prefix);
        for (Buffer<T>* b : layers_[i]->buffers()) b->name.erase(0, prefix);
    }
    std::vector<std::unique_ptr<Layer<T>>> released = std::move(layers_);
    layers_.clear();
    return released;
}

template <class T>
std::string Sequential<T>::summary() {
    std::ostringstream out;
    for (std::size_t i = 0; i < layers_.size(); ++i) {
        out << "  " << i << ": " << layers_[i]->name() << "  [" << parameter_count(*layers_[i])
            << " parameters]\n";
    }
    out << "  total: " << parameter_count(*this) << " parameters\n";
    return out.str();
}

template class Sequential<float>;
template class Sequential<double>;

}  // namespace dl

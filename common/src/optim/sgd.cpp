#include "dl/optim/sgd.hpp"

namespace dl {

template <class T>
SGD<T>::SGD(std::vector<ParamGroup<T>> groups, double momentum, bool nesterov)
    : Optimizer<T>(std::move(groups)), momentum_(momentum), nesterov_(nesterov) {}

template <class T>
void SGD<T>::step() {
    const T mu = T(momentum_);
    for (auto& group : this->groups_) {
        const T lr = T(group.lr), decay = T(group.weight_decay);
        for (Parameter<T>* p : group.params) {
            if (p->frozen) continue;
            Tensor<T>& v = velocity_[p];
            // Compare shapes, not sizes: a new (empty) xarray has one element, like a 1-element parameter.
            if (v.shape() != p->value.shape()) v = xt::zeros<T>(p->value.shape());
            T* w = p->value.data();
            const T* grad = p->grad.data();
            T* vel = v.data();
            for (std::size_t i = 0; i < p->value.size(); ++i) {
                const T g = grad[i] + decay * w[i];
                vel[i] = mu * vel[i] + g;
                w[i] -= lr * (nesterov_ ? g + mu * vel[i] : vel[i]);
            }
        }
    }
}

template class SGD<float>;
template class SGD<double>;

}  // namespace dl

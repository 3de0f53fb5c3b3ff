#include "dl/optim/optimizer.hpp"

namespace dl {

template <class T>
void Optimizer<T>::zero_grad() {
    for (auto& group : groups_) {
        for (Parameter<T>* p : group.params) p->grad.fill(T(0));
    }
}

template <class T>
void Optimizer<T>::set_lr(double lr) {
    for (auto& group : groups_) group.lr = lr;
}

template class Optimizer<float>;
template class Optimizer<double>;

}  // namespace dl

#include "dl/optim/adam.hpp"

#include <cmath>

namespace dl {

template <class T>
Adam<T>::Adam(std::vector<ParamGroup<T>> groups, double beta1, double beta2, double eps,
              bool decoupled_weight_decay)
    : Optimizer<T>(std::move(groups)), beta1_(beta1), beta2_(beta2), eps_(eps),
      decoupled_(decoupled_weight_decay) {}

template <class T>
void Adam<T>::step() {
    const T b1 = T(beta1_), b2 = T(beta2_);
    for (auto& group : this->groups_) {
        const T lr = T(group.lr), decay = T(group.weight_decay);
        for (Parameter<T>* p : group.params) {
            if (p->frozen) continue;
            Moments& mv = moments_[p];
            if (mv.m.shape() != p->value.shape()) {  // shapes: an empty xarray has one element
                mv.m = xt::zeros<T>(p->value.shape());
                mv.v = xt::zeros<T>(p->value.shape());
            }
            ++mv.steps;
            // The bias corrections 1/(1 − β^t), computed once per step in double and used in T:
            // a double division per element kept the loop scalar.
            const T inv_correction1 = T(1.0 / (1.0 - std::pow(beta1_, double(mv.steps))));
            const T inv_correction2 = T(1.0 / (1.0 - std::pow(beta2_, double(mv.steps))));
            const T epsilon = T(eps_);
            T* w = p->value.data();
            const T* grad = p->grad.data();
            T* m = mv.m.data();
            T* v = mv.v.data();
            for (std::size_t i = 0; i < p->value.size(); ++i) {
                const T g = decoupled_ ? grad[i] : grad[i] + decay * w[i];
                m[i] = b1 * m[i] + (T(1) - b1) * g;
                v[i] = b2 * v[i] + (T(1) - b2) * g * g;
                const T m_hat = m[i] * inv_correction1;
                const T v_hat = v[i] * inv_correction2;
                if (decoupled_) w[i] -= lr * decay * w[i];
                w[i] -= lr * m_hat / (std::sqrt(v_hat) + epsilon);
            }
        }
    }
}

template class Adam<float>;
template class Adam<double>;
template class AdamW<float>;
template class AdamW<double>;

}  // namespace dl

#include "dl/optim/adam.hpp"

#include <cmath>

namespace dl {

template <class T>
Adam<T>::Adam(std::vector<ParamGroup<T>> groups, double beta1, double beta2, double eps,
              bool decoupled_weight_decay)
    : Optimizer<T>(std::move(groups)), beta1_(beta1), beta2_(beta2), eps_(eps),
      decoupled_(decoupled_weight_decay) {}

namespace {

// Below this many elements, waking the second thread costs more than it saves.
constexpr std::ptrdiff_t kParallelThreshold = 1 << 14;

// One parameter's coefficients for this step, all in T: no per-element promotion to double.
template <class T>
struct AdamStep {
    T b1, b2, lr, decay, epsilon;
    T inv_correction1, inv_correction2;  // 1/(1 − β₁ᵗ), 1/(1 − β₂ᵗ)
    bool decoupled;
};

// The update of n weights @p w from their gradients, in place with their moments m and v.
// The coefficients are copied into locals and weight decay enters as two factors, so the
// loop has no branch and no load the compiler cannot prove constant: it vectorizes (GCC's
// -fopt-info-vec reported "couldn't vectorize" while it read them from @p s). Large
// parameters are also shared between the threads.
template <class T>
void adam_update(std::ptrdiff_t n, const AdamStep<T>& s, T* __restrict w, const T* __restrict grad, T* __restrict m, T* __restrict v) {
    const T b1 = s.b1, b2 = s.b2, lr = s.lr, c1 = s.inv_correction1, c2 = s.inv_correction2, epsilon = s.epsilon;
    const T l2 = s.decoupled ? T(0) : s.decay;          // Adam: λ·w joins the gradient
    const T shrink = s.decoupled ? lr * s.decay : T(0);  // AdamW: w shrinks by lr·λ·w
#pragma omp parallel for simd schedule(static) if (n > kParallelThreshold)
    for (std::ptrdiff_t i = 0; i < n; ++i) {
        const T g = grad[i] + l2 * w[i];
        m[i] = b1 * m[i] + (T(1) - b1) * g;
        v[i] = b2 * v[i] + (T(1) - b2) * g * g;
        const T m_hat = m[i] * c1;
        const T v_hat = v[i] * c2;
        w[i] -= shrink * w[i];  // the two updates in the order of the scalar loop this replaced
        w[i] -= lr * m_hat / (std::sqrt(v_hat) + epsilon);
    }
}

}  // namespace

template <class T>
void Adam<T>::step() {
    for (auto& group : this->groups_) {
        for (Parameter<T>* p : group.params) {
            if (p->frozen) continue;
            Moments& mv = moments_[p];
            if (mv.m.shape() != p->value.shape()) {  // shapes: an empty xarray has one element
                mv.m = xt::zeros<T>(p->value.shape());
                mv.v = xt::zeros<T>(p->value.shape());
            }
            ++mv.steps;
            // The bias corrections 1/(1 − β^t), computed once per step in double and used in T.
            const AdamStep<T> s{T(beta1_), T(beta2_), T(group.lr), T(group.weight_decay), T(eps_),
                                T(1.0 / (1.0 - std::pow(beta1_, double(mv.steps)))),
                                T(1.0 / (1.0 - std::pow(beta2_, double(mv.steps)))), decoupled_};
            adam_update(std::ptrdiff_t(p->value.size()), s, p->value.data(), p->grad.data(), mv.m.data(), mv.v.data());
        }
    }
}

template class Adam<float>;
template class Adam<double>;
template class AdamW<float>;
template class AdamW<double>;

}  // namespace dl

/// @file activations.hpp
/// @brief Element-wise nonlinearities: ReLU, LeakyReLU, ELU, Sigmoid, Tanh.
///
/// Each acts on every element independently, so backward is dx = dy ⊙ f'(x): the
/// incoming gradient times the local slope, element by element. Shapes are unchanged.
#pragma once

#include "dl/layers/layer.hpp"

namespace dl {

/// Shared plumbing: remembers y = f(x) so backward can compute the slope.
///
/// Each activation `Derived` supplies two per-element functions, `value(x)` = f(x) and
/// `slope(y)` = f′(x) written in terms of y = f(x). Every activation here can do that
/// (for ReLU, x > 0 exactly where y > 0; sigmoid's slope is y(1 − y)), so the layer keeps
/// only y and not a copy of x as well: one tensor less per activation in memory, and one
/// copy less per forward. The two functions are found at compile time (the "curiously
/// recurring template pattern"), so the loops below inline them: no virtual call per
/// element.
template <class T, class Derived>
class Activation : public Layer<T> {
public:
    /// @brief y = f(x) element by element, for @p x of any shape; remembers y.
    /// @param x the input, any shape
    /// @return y = f(x), the shape of @p x
    Tensor<T> forward(const Tensor<T>& x) override;
    /// @brief dx = dy ⊙ f′(x), element by element, with f′(x) computed from y = f(x).
    /// @param dy dL/dy, the shape of the last input
    /// @return dL/dx, the same shape
    Tensor<T> backward(const Tensor<T>& dy) override;

private:
    Tensor<T> output_;  // y = f(x), the shape of the last input
};

/// max(0, x). Slope 1 for x > 0, else 0.
template <class T>
class ReLU : public Activation<T, ReLU<T>> {
public:
    std::string name() const override { return "ReLU"; }

    /// @brief f(x) for one element.
    /// @param x the element
    /// @return f(x)
    T value(T x) const { return x < T(0) ? T(0) : x; }  // written so that NaN stays NaN
    /// @brief f′(x) for one element, from y = f(x): y > 0 exactly where x > 0.
    /// @param y f(x), from value()
    /// @return f′(x)
    T slope(T y) const { return y > T(0) ? T(1) : T(0); }
};

/// x for x > 0, else negative_slope·x: a ReLU whose negative side still passes gradient.
template <class T>
class LeakyReLU : public Activation<T, LeakyReLU<T>> {
public:
    /// @param negative_slope the slope for x <= 0 (0.01 is common); not negative, so that
    ///        y > 0 exactly where x > 0 and backward can read the slope off y.
    explicit LeakyReLU(T negative_slope = T(0.01));
    std::string name() const override;

    /// @brief f(x) for one element.
    /// @param x the element
    /// @return f(x)
    T value(T x) const { return x > T(0) ? x : a_ * x; }
    /// @brief f′(x) for one element, from y = f(x).
    /// @param y f(x), from value()
    /// @return f′(x)
    T slope(T y) const { return y > T(0) ? T(1) : a_; }

private:
    T a_;
};

/// Clevert et al. (2015): x for x > 0, else alpha·(eˣ − 1); smooth, with negative outputs.
template <class T>
class ELU : public Activation<T, ELU<T>> {
public:
    /// @param alpha the value the negative side tends to is −alpha; not negative, so that
    ///        y > 0 exactly where x > 0 and backward can read the slope off y.
    explicit ELU(T alpha = T(1));
    std::string name() const override;

    /// @brief f(x) for one element.
    /// @param x the element
    /// @return f(x)
    T value(T x) const;
    /// @brief f′(x) for one element, from y = f(x): alpha·eˣ = y + alpha where x <= 0.
    /// @param y f(x), from value()
    /// @return f′(x)
    T slope(T y) const { return y > T(0) ? T(1) : y + alpha_; }

private:
    T alpha_;
};

/// 1 / (1 + e⁻ˣ). Slope y(1 − y), at most 1/4: the reason deep sigmoid nets train slowly.
template <class T>
class Sigmoid : public Activation<T, Sigmoid<T>> {
public:
    std::string name() const override { return "Sigmoid"; }

    /// @brief f(x) for one element.
    /// @param x the element
    /// @return f(x)
    T value(T x) const;
    /// @brief f′(x) for one element, from y = f(x).
    /// @param y f(x), from value()
    /// @return f′(x)
    T slope(T y) const { return y * (T(1) - y); }
};

/// tanh(x). Slope 1 − y².
template <class T>
class Tanh : public Activation<T, Tanh<T>> {
public:
    std::string name() const override { return "Tanh"; }

    /// @brief f(x) for one element.
    /// @param x the element
    /// @return f(x)
    T value(T x) const;
    /// @brief f′(x) for one element, from y = f(x).
    /// @param y f(x), from value()
    /// @return f′(x)
    T slope(T y) const { return T(1) - y * y; }
};

}  // namespace dl

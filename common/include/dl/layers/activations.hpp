/// @file activations.hpp
/// @brief Element-wise nonlinearities: ReLU, LeakyReLU, ELU, Sigmoid, Tanh.
///
/// Each acts on every element independently, so backward is dx = dy ⊙ f'(x): the
/// incoming gradient times the local slope, element by element. Shapes are unchanged.
#pragma once

#include "dl/layers/layer.hpp"

namespace dl {

/// Shared plumbing: remembers x and y = f(x) so backward can compute the slope.
///
/// Each activation `Derived` supplies two per-element functions, `value(x)` = f(x) and
/// `slope(x, y)` = f′(x) given also y = f(x) (cheaper for sigmoid, tanh, ELU). They are
/// found at compile time (the "curiously recurring template pattern"), so the loops
/// below inline them: no virtual call per element.
template <class T, class Derived>
class Activation : public Layer<T> {
public:
    /// @brief y = f(x) element by element, for @p x of any shape; remembers x and y.
    /// @param x the input, any shape
    /// @return y = f(x), the shape of @p x
    Tensor<T> forward(const Tensor<T>& x) override;
    /// @brief dx = dy ⊙ f′(x), element by element; @p dy has the shape of the last input.
    /// @param dy dL/dy, the shape of the last input
    /// @return dL/dx, the same shape
    Tensor<T> backward(const Tensor<T>& dy) override;

private:
    Tensor<T> input_;   // x, any shape
    Tensor<T> output_;  // y = f(x), same shape
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
    /// @brief f′(x) for one element, given y = f(x).
    /// @param x the element
    /// @return f′(x)
    T slope(T x, T) const { return x > T(0) ? T(1) : T(0); }
};

/// x for x > 0, else negative_slope·x: a ReLU whose negative side still passes gradient.
template <class T>
class LeakyReLU : public Activation<T, LeakyReLU<T>> {
public:
    /// @param negative_slope the slope for x <= 0 (0.01 is common).
    explicit LeakyReLU(T negative_slope = T(0.01)) : a_(negative_slope) {}
    std::string name() const override;

    /// @brief f(x) for one element.
    /// @param x the element
    /// @return f(x)
    T value(T x) const { return x > T(0) ? x : a_ * x; }
    /// @brief f′(x) for one element, given y = f(x).
    /// @param x the element
    /// @return f′(x)
    T slope(T x, T) const { return x > T(0) ? T(1) : a_; }

private:
    T a_;
};

/// Clevert et al. (2015): x for x > 0, else alpha·(eˣ − 1); smooth, with negative outputs.
template <class T>
class ELU : public Activation<T, ELU<T>> {
public:
    /// @param alpha the value the negative side tends to is −alpha.
    explicit ELU(T alpha = T(1)) : alpha_(alpha) {}
    std::string name() const override;

    /// @brief f(x) for one element.
    /// @param x the element
    /// @return f(x)
    T value(T x) const;
    /// @brief f′(x) for one element, given y = f(x).
    /// @param x the element
    /// @param y f(x), from value()
    /// @return f′(x)
    T slope(T x, T y) const { return x > T(0) ? T(1) : y + alpha_; }

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
    /// @brief f′(x) for one element, given y = f(x).
    /// @param y f(x), from value()
    /// @return f′(x)
    T slope(T, T y) const { return y * (T(1) - y); }
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
    /// @brief f′(x) for one element, given y = f(x).
    /// @param y f(x), from value()
    /// @return f′(x)
    T slope(T, T y) const { return T(1) - y * y; }
};

}  // namespace dl

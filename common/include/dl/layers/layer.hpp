/// @file layer.hpp
/// @brief The layer interface: a forward/backward pair plus named parameters.
#pragma once

#include "dl/tensor.hpp"

#include <string>
#include <vector>

namespace dl {

/// A learnable tensor with its gradient. The gradient has the value's shape.
template <class T>
struct Parameter {
    std::string name;   ///< Full name inside its model, e.g. "2.weight".
    Tensor<T> value;    ///< The parameter itself.
    Tensor<T> grad;     ///< d(loss)/d(value), accumulated by backward().
    bool frozen = false;  ///< A frozen parameter is skipped by the optimizers.
};

/// State that a layer keeps and a checkpoint must save, but that no optimizer updates,
/// such as BatchNorm's running mean and variance.
template <class T>
struct Buffer {
    std::string name;  ///< Full name inside its model, e.g. "1.running_mean".
    Tensor<T> value;   ///< The state itself.
};

/// A layer of a network: forward() computes y from x, backward() turns dL/dy into dL/dx.
///
/// Contract:
/// - forward(x) caches whatever backward() needs and returns y.
/// - backward(dy) returns dx and **adds** into each parameter's grad. It never zeroes
///   them: zeroing is the training loop's job (Optimizer::zero_grad()), which is what
///   lets gradients from several paths through a network add up.
/// - train()/eval() switch the behaviour of layers that differ between the two
///   (dropout, batch normalization); other layers ignore it.
template <class T>
class Layer {
public:
    virtual ~Layer() = default;

    /// @brief Computes the output for input @p x and remembers what backward() needs.
    /// @param x a batch of N inputs, (N, ...): e.g. (N, C, H, W) images or (N, features) rows
    /// @return y, the batch of N outputs
    virtual Tensor<T> forward(const Tensor<T>& x) = 0;

    /// @brief forward() for an input the caller will not use again. A layer that keeps its
    /// input for backward (a convolution) may take this one over instead of copying it; by
    /// default it is forward(x). Sequential hands each layer after the first its input so.
    /// @param x a batch of N inputs, (N, ...); left in an unspecified state
    /// @return y, the batch of N outputs
    virtual Tensor<T> forward_taking(Tensor<T>&& x) { return forward(x); }

    /// @brief Given dL/dy for the last forward(), returns dL/dx and adds into parameter grads.
    /// @param dy dL/dy, the shape of the last forward()'s output
    /// @return dL/dx, the shape of the last forward()'s input
    virtual Tensor<T> backward(const Tensor<T>& dy) = 0;

    /// @brief The layer's learnable parameters (none by default).
    /// @return pointers to the parameters, which stay owned by the layer
    virtual std::vector<Parameter<T>*> parameters() { return {}; }

    /// State saved with the parameters but not learned by gradient (none by default).
    /// A layer made of other layers must return its children's buffers here, as it
    /// returns their parameters, or checkpoints will silently lose them.
    /// @return pointers to the buffers, which stay owned by the layer
    virtual std::vector<Buffer<T>*> buffers() { return {}; }

    /// @brief A one-line description, e.g. "Linear(784 -> 256)".
    /// @return the description
    virtual std::string name() const = 0;

    /// @brief Switches to training mode (@p on = true) or evaluation mode (@p on = false).
    /// @param on true for training mode, false for evaluation mode
    virtual void train(bool on = true) { training_ = on; }

    /// Switches to evaluation mode.
    void eval() { train(false); }

    /// @brief True in training mode.
    /// @return whether the layer is in training mode
    bool is_training() const { return training_; }

protected:
    bool training_ = true;  ///< Current mode; layers that care read it in forward().
};

/// @brief Total number of scalar values in @p layer's parameters.
/// @param layer a layer or a whole network
/// @return the sum of the sizes of its parameters' values, frozen ones included
template <class T>
std::size_t parameter_count(Layer<T>& layer) {
    std::size_t count = 0;
    for (const Parameter<T>* p : layer.parameters()) count += p->value.size();
    return count;
}

}  // namespace dl

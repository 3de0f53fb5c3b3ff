// Reference answers to the chapter-1 exercises, built from the library's own layers.
// `./book test` links the exercise tests against this file (all must pass) and against
// the untouched stubs (all must fail), which proves the tests can tell the two apart.
#include "exercises.hpp"

#include "dl/layers/activations.hpp"
#include "dl/layers/init.hpp"
#include "dl/layers/linear.hpp"
#include "dl/losses/softmax_cross_entropy.hpp"
#include "dl/optim/sgd.hpp"

namespace ex01 {

namespace {

dl::Linear<double> linear_with(const Matrix& w, const Matrix& b) {
    dl::Rng unused(0);
    dl::Linear<double> layer(w.shape(1), w.shape(0), dl::Init::zeros, unused);
    layer.weight().value = w;
    layer.bias().value = b;
    return layer;
}

}  // namespace

Matrix linear_forward(const Matrix& x, const Matrix& w, const Matrix& b) { return linear_with(w, b).forward(x); }

LinearGradients linear_backward(const Matrix& x, const Matrix& w, const Matrix& dy) {
    dl::Linear<double> layer = linear_with(w, xt::zeros<double>({w.shape(0)}));
    layer.forward(x);
    Matrix dx = layer.backward(dy);
    return {dx, layer.weight().grad, layer.bias().grad};
}

Matrix relu_backward(const Matrix& x, const Matrix& dy) {
    dl::ReLU<double> relu;
    relu.forward(x);
    return relu.backward(dy);
}

double softmax_cross_entropy(const Matrix& logits, const std::vector<int>& labels, Matrix& dlogits) {
    dl::SoftmaxCrossEntropy<double> loss;
    const double value = loss.forward(logits, labels);
    dlogits = loss.backward();
    return value;
}

void sgd_momentum_step(Matrix& w, const Matrix& grad, Matrix& velocity, double lr, double momentum) {
    // dl::SGD keeps the velocity inside the optimizer; here the caller owns it, so the
    // update is written out: the same two lines as SGD::step() without weight decay.
    velocity = momentum * velocity + grad;
    w = w - lr * velocity;
}

Matrix he_normal(std::size_t fan_out, std::size_t fan_in, dl::Rng& rng) {
    Matrix w = Matrix::from_shape({fan_out, fan_in});
    dl::initialize(w, dl::Init::he, fan_in, fan_out, rng);
    return w;
}

}  // namespace ex01

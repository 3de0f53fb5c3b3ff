/// @file transfer_model.hpp
/// @brief A pretrained body and a new head as one network whose body can be frozen.
#pragma once

#include "dl/layers/sequential.hpp"

namespace dl {

/// y = head(body(x)), for transfer learning.
///
/// Parameters and buffers are named "body.<name>" and "head.<name>". freeze_body(true)
/// marks every body parameter frozen, so the optimizers skip them, and it also makes
/// backward() stop at the head: nothing upstream of a frozen body learns, so its input
/// gradient is never needed, and skipping it saves about two thirds of a step's arithmetic.
/// backward() then returns zeros of the input's shape. The body still runs in training mode
/// when the model does (BatchNorm keeps adapting its running statistics to the new data).
template <class T>
class TransferModel : public Layer<T> {
public:
    /// @brief Takes ownership of @p body ((N, C, H, W) → (N, F)) and @p head ((N, F) → (N, K)).
    /// @param body the feature extractor, usually pretrained
    /// @param head the new classifier
    TransferModel(Sequential<T> body, Sequential<T> head);

    Tensor<T> forward(const Tensor<T>& x) override;
    Tensor<T> backward(const Tensor<T>& dy) override;
    std::vector<Parameter<T>*> parameters() override;
    std::vector<Buffer<T>*> buffers() override;
    std::string name() const override { return "TransferModel"; }
    void train(bool on = true) override;

    /// @brief Freezes (@p frozen true) or unfreezes every parameter of the body.
    /// @param frozen true to freeze the body, false to unfreeze it
    void freeze_body(bool frozen);
    /// @brief True while the body is frozen.
    /// @return whether the body is frozen
    bool body_frozen() const { return body_frozen_; }

    Sequential<T>& body() { return body_; }  ///< the feature extractor @return the body, (N, C, H, W) → (N, F)
    Sequential<T>& head() { return head_; }  ///< the classifier @return the head, (N, F) → (N, K)

private:
    Sequential<T> body_, head_;
    bool body_frozen_ = false;
    Shape input_shape_;  // (N, C, H, W) of the last forward
};

}  // namespace dl

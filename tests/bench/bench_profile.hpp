// `./book bench --profile MODEL`: where a training step's time goes, layer by layer.
#pragma once

#include <string>
#include <vector>

namespace bench {

/// The models --profile knows: mlp, lenet5, vgg, resnet20.
std::vector<std::string> profile_models();

/// Times every layer's forward and backward pass of @p model (one of profile_models()) in
/// training steps on random batches of @p batch images, and prints a table: each layer's
/// median forward and backward milliseconds and its share of the step, then the loss and
/// the Adam step.
void profile_model(const std::string& model, int batch);

}  // namespace bench

// Chapter 2 — `./book run 02 --mine`: LeNet-5 trained on the reader's own exercise answers.
#pragma once

#include "lenet.hpp"

#include <string>
#include <vector>

namespace ch02 {

/// Puts the reader's exercise answers (namespace ex02, chapters/02_lenet/exercises/) to work
/// inside @p model: every convolution then computes its forward pass with
/// ex02::conv2d_forward_gemm (or ex02::conv2d_naive when @p conv_algorithm is "naive") and its
/// backward pass with ex02::im2col, ex02::col2im and dl::gemm; every max pooling sends its
/// gradients back with ex02::maxpool_backward. The parameters stay the library's, with their
/// names, so a checkpoint of this model loads into the library's LeNet-5 and back.
///
/// Built into `ch02_lenet_mine` (your files) and `ch02_lenet_mine_reference` (the reference
/// answers, for the tests); the plain program's version only explains how to get it.
/// @return one line per exercise: where the model now uses it, or why it does not.
std::vector<std::string> use_reader_code(LeNet5& model, const std::string& conv_algorithm);

}  // namespace ch02

/// @file make_optimizer.hpp
/// @brief Choosing an optimizer by name, as the chapter programs' --optimizer flag does.
#pragma once

#include "dl/optim/optimizer.hpp"

#include <memory>
#include <string>

namespace dl {

/// "sgd" (with @p momentum), "adam" or "adamw" over @p groups; throws
/// std::invalid_argument naming any other value.
/// @param name "sgd", "adam" or "adamw"
/// @param groups the parameters to update, with their learning rates and weight decays
/// @param momentum SGD's momentum (ignored by Adam and AdamW)
/// @return the optimizer
template <class T>
std::unique_ptr<Optimizer<T>> make_optimizer(const std::string& name, std::vector<ParamGroup<T>> groups, double momentum = 0.9);

}  // namespace dl

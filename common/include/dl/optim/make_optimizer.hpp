/// @file make_optimizer.hpp
/// @brief Choosing an optimizer by name, as the chapter programs' --optimizer flag does.
#pragma once

#include "dl/optim/optimizer.hpp"

#include <memory>
#include <string>

namespace dl {

/// "sgd" (with @p momentum), "adam" or "adamw" over @p groups; throws
/// std::invalid_argument naming any other value.
template <class T>
std::unique_ptr<Optimizer<T>> make_optimizer(const std::string& name, std::vector<ParamGroup<T>> groups, double momentum = 0.9);

}  // namespace dl

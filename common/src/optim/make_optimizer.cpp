#include "dl/optim/make_optimizer.hpp"

#include "dl/optim/adam.hpp"
#include "dl/optim/sgd.hpp"

#include <stdexcept>

namespace dl {

template <class T>
std::unique_ptr<Optimizer<T>> make_optimizer(const std::string& name, std::vector<ParamGroup<T>> groups, double momentum) {
    if (name == "sgd") return std::make_unique<SGD<T>>(std::move(groups), momentum);
    if (name == "adam") return std::make_unique<Adam<T>>(std::move(groups));
    if (name == "adamw") return std::make_unique<AdamW<T>>(std::move(groups));
    throw std::invalid_argument("unknown optimizer '" + name + "' (expected sgd, adam or adamw)");
}

template std::unique_ptr<Optimizer<float>> make_optimizer<float>(const std::string&, std::vector<ParamGroup<float>>, double);
template std::unique_ptr<Optimizer<double>> make_optimizer<double>(const std::string&, std::vector<ParamGroup<double>>, double);

}  // namespace dl

/// @file discriminative.hpp
/// @brief Discriminative learning rates: smaller steps for the early, general layers of a
/// pretrained network, larger ones for its late, specific layers and its new head.
#pragma once

#include "dl/optim/optimizer.hpp"

#include <string>
#include <vector>

namespace dl {

/// Sets the learning rates of @p groups, ordered from the input to the output, to a
/// geometric spread from lr / @p ratio (the first group) to @p lr (the last): group k of G
/// gets lr / ratio^((G−1−k)/(G−1)). With ratio 100 and three groups that is lr/100, lr/10
/// and lr (fastai's `slice(lr/100, lr)`); a single group gets @p lr. Throws
/// std::invalid_argument for no groups or a ratio below 1.
/// @param groups the groups, input side first; their learning rates are overwritten
/// @param lr the last group's learning rate
/// @param ratio how many times smaller the first group's rate is, at least 1
template <class T>
void spread_learning_rates(std::vector<ParamGroup<T>>& groups, double lr, double ratio);

/// The parameters of layers [@p first, @p last) of @p layers, e.g. one stage of a
/// network, as a group named @p name (learning rate and weight decay left at their defaults).
/// @param layers a chain of layers that [] indexes, such as a Sequential
/// @param first the first layer of the group
/// @param last one past the group's last layer
/// @param name the group's name in logs
/// @return the group
template <class T, class Chain>
ParamGroup<T> group_of_layers(Chain& layers, std::size_t first, std::size_t last, const std::string& name) {
    ParamGroup<T> group;
    group.name = name;
    for (std::size_t i = first; i < last; ++i)
        for (Parameter<T>* p : layers[i].parameters()) group.params.push_back(p);
    return group;
}

}  // namespace dl

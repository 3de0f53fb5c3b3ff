/// @file surgery.hpp
/// @brief Model surgery for transfer learning: cut a trained network, attach a new head,
/// freeze and unfreeze parts of it.
#pragma once

#include "dl/layers/sequential.hpp"
#include "dl/util/random.hpp"

namespace dl {

/// A network cut in two: the body computes features, the head turns them into scores.
template <class T>
struct BodyAndHead {
    Sequential<T> body;  ///< (N, C, H, W) images → (N, F) features: every layer up to the global pool, included
    Sequential<T> head;  ///< (N, F) → (N, K): the layers after the global pool
};

/// Cuts @p network after its first GlobalAvgPool2d layer. The body keeps the layers'
/// positions, so its parameter names ("3.conv1.weight"…) are those of the network it came
/// from; the head's layers are renumbered from 0. Both parts keep the network's training
/// or evaluation mode. Throws std::invalid_argument, leaving the network whole, if it has
/// no global pooling layer.
/// @param network the trained network, left empty once cut
/// @return the body (up to and including the global pool) and the head (the layers after it)
template <class T>
BodyAndHead<T> cut_at_global_pool(Sequential<T>&& network);

/// A new classification head for @p features inputs and @p classes outputs, of the kind
/// fastai attaches to a cut network:
///
///     (N, F) → BatchNorm1d → Dropout(p/2) → Linear(F → hidden) → ReLU
///            → BatchNorm1d → Dropout(p)   → Linear(hidden → K)   → (N, K)
///
/// The normalizations let the head cope with features whose scale the new data changed;
/// the dropouts keep it from memorizing a small training set.
/// @param features F, the width of the body's features
/// @param hidden the width of the hidden layer
/// @param classes K
/// @param dropout p, the second dropout's probability (the first drops p/2)
/// @param rng the random source of the weights and of the dropouts' seeds
/// @return the head, (N, F) → (N, K)
template <class T>
Sequential<T> make_head(std::size_t features, std::size_t hidden, std::size_t classes, double dropout, Rng& rng);

/// Marks every parameter of @p layer frozen (@p frozen = true) or trainable again. The
/// optimizers skip frozen parameters; backward still computes their gradients, and
/// BatchNorm layers in training mode still update their running statistics.
/// @param layer a layer or a whole network
/// @param frozen true to freeze, false to make trainable again
template <class T>
void set_frozen(Layer<T>& layer, bool frozen);

/// @brief Number of scalar parameters of @p layer that are not frozen.
/// @param layer a layer or a whole network
/// @return the sum of the sizes of its trainable parameters' values
template <class T>
std::size_t trainable_parameter_count(Layer<T>& layer);

}  // namespace dl

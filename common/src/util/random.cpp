#include "dl/util/random.hpp"

#include <algorithm>
#include <numeric>

namespace dl {

std::vector<std::size_t> Rng::permutation(std::size_t n) {
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::shuffle(order.begin(), order.end(), engine_);
    return order;
}

}  // namespace dl

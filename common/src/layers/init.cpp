#include "dl/layers/init.hpp"
#include "dl/util/names.hpp"

#include <cmath>
#include <stdexcept>

namespace dl {

const std::map<std::string, Init>& init_names() {
    static const std::map<std::string, Init> names = {{"zeros", Init::zeros}, {"uniform", Init::uniform}, {"xavier", Init::xavier}, {"he", Init::he}};
    return names;
}

Init parse_init(const std::string& name) {
    const auto found = init_names().find(name);
    if (found == init_names().end()) throw std::invalid_argument("unknown initializer '" + name + "' (expected zeros, uniform, xavier or he)");
    return found->second;
}

std::string init_name(Init init) { return name_of(init_names(), init); }

template <class T>
void initialize(Tensor<T>& weights, Init init, std::size_t fan_in, std::size_t fan_out, Rng& rng) {
    const double xavier_limit = std::sqrt(6.0 / double(fan_in + fan_out));
    const double he_std = std::sqrt(2.0 / double(fan_in));
    for (T& w : weights) {
        switch (init) {
            case Init::zeros: w = T(0); break;
            case Init::uniform: w = T(rng.uniform(-0.05, 0.05)); break;
            case Init::xavier: w = T(rng.uniform(-xavier_limit, xavier_limit)); break;
            case Init::he: w = T(rng.normal(0.0, he_std)); break;
        }
    }
}

template void initialize<float>(Tensor<float>&, Init, std::size_t, std::size_t, Rng&);
template void initialize<double>(Tensor<double>&, Init, std::size_t, std::size_t, Rng&);

}  // namespace dl

#include "dl/optim/discriminative.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace dl {

//! [spread_learning_rates]
template <class T>
void spread_learning_rates(std::vector<ParamGroup<T>>& groups, double lr, double ratio) {
    if (groups.empty()) throw std::invalid_argument("spread_learning_rates: no parameter groups given");
    if (!(ratio >= 1)) throw std::invalid_argument("spread_learning_rates: ratio must be >= 1, got " + std::to_string(ratio));
    const double last = double(groups.size() - 1);
    for (std::size_t k = 0; k < groups.size(); ++k) {
        const double steps_from_last = last - double(k);  // 0 for the last group
        groups[k].lr = last == 0 ? lr : lr / std::pow(ratio, steps_from_last / last);
    }
}
//! [spread_learning_rates]

template void spread_learning_rates(std::vector<ParamGroup<float>>&, double, double);
template void spread_learning_rates(std::vector<ParamGroup<double>>&, double, double);

}  // namespace dl

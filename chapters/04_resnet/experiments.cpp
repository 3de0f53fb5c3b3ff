// Chapter 4 — the experiments (filled in below).
#include "resnet.hpp"

#include <stdexcept>

namespace ch04 {

const std::vector<Experiment>& experiments() {
    static const std::vector<Experiment> list = {};
    return list;
}

void run_experiment(const std::string& name, const Settings&) { throw std::invalid_argument("--experiment: unknown experiment '" + name + "'"); }

}  // namespace ch04

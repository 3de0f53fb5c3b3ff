// Exercise 6.1: freezing a parameter group.
// Replace the dl::exercise_not_written(...) line with your code.
#include "exercises.hpp"

#include "dl/exercise.hpp"

namespace ex06 {

std::size_t freeze_by_prefix(const std::vector<dl::Parameter<double>*>& params, const std::vector<std::string>& frozen_prefixes) {
    // frozen = the name starts with one of the prefixes (name.rfind(prefix, 0) == 0); count the trainable values
    (void)params, (void)frozen_prefixes;
    dl::exercise_not_written("6.1", "freezing a parameter group", "chapters/06_finetune/README.md, section 'Cut, freeze, unfreeze'");
}

}  // namespace ex06

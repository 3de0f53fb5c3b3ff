// Chapter 2 — the plain program's use_reader_code(): the reader's exercise files are built
// into a program of their own (ch02_lenet_mine), so that an unfinished answer never breaks
// `./book run 02`.
#include "mine.hpp"

#include <stdexcept>

namespace ch02 {

std::vector<std::string> use_reader_code(LeNet5&, const std::string&) {
    throw std::invalid_argument(
        "--mine: this program is built from the library alone. Run ./book run 02 --mine: it scores your "
        "exercises first, then builds them into the program that trains with them.");
}

}  // namespace ch02

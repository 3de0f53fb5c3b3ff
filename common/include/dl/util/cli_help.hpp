/// @file cli_help.hpp
/// @brief `--help` the way a reader types the command: `usage: ./book run 02 [OPTIONS]`.
#pragma once

namespace CLI {
class App;  // CLI11, included only by cli_help.cpp and the chapter programs
}

namespace dl {

/// Gives @p app a help text without CLI11's type annotations: each option shows a
/// placeholder (N for whole numbers, X for real numbers, TEXT otherwise) and its default
/// at the end of its description, and the usage line names the command the reader typed
/// (the `book` script passes it in $BOOK_COMMAND, such as "./book run 02").
/// Call before adding options.
/// @param app the chapter program's command line
void use_book_help(CLI::App& app);

}  // namespace dl

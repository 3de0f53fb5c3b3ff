#include "dl/util/cli_help.hpp"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <memory>

namespace dl {

namespace {

/// CLI11's help, minus its "TYPE:validator=default" annotations.
class BookHelpFormatter : public CLI::Formatter {
public:
    BookHelpFormatter() { label("Usage", "usage"); }

    /// A placeholder for the value: "--epochs N", "--lr X", "--optimizer TEXT"; nothing for a flag.
    std::string make_option_opts(const CLI::Option* option) const override {
        if (option->get_expected_max() == 0) return "";  // a flag
        const std::string type = option->get_type_name();
        const std::string base = type.substr(0, type.find(':'));
        if (base == "INT" || base == "UINT") return " N";
        if (base == "FLOAT") return " X";
        return " TEXT";
    }

    /// The description, then "(default: 15)" when the option has a default worth showing and
    /// its description does not already speak of its default.
    std::string make_option_desc(const CLI::Option* option) const override {
        const std::string fallback = option->get_default_str();
        const bool described = option->get_description().find("default") != std::string::npos;
        if (option->get_expected_max() == 0 || fallback.empty() || described) return option->get_description();
        return option->get_description() + " (default: " + fallback + ")";
    }
};

}  // namespace

void use_book_help(CLI::App& app) {
    app.formatter(std::make_shared<BookHelpFormatter>());
    app.set_help_flag("-h,--help", "this help");
    const char* command = std::getenv("BOOK_COMMAND");
    if (command != nullptr && *command != '\0') app.name(command);
}

}  // namespace dl

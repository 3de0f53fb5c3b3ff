#include "dl/util/cli_checks.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <sstream>

namespace dl {

namespace {

std::string shown(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

}  // namespace

CLI::Validator whole_number(std::uint64_t min, std::uint64_t max) {
    const std::string range = std::to_string(min) + " to " + std::to_string(max);
    return CLI::Validator(
        [=](std::string& text) -> std::string {
            if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
                return "'" + text + "' is not a whole number from " + range;
            }
            errno = 0;
            const unsigned long long value = std::strtoull(text.c_str(), nullptr, 10);
            if (errno == ERANGE || value < min || value > max) return text + " is out of range: use " + range;
            return "";
        },
        "in [" + std::to_string(min) + ", " + std::to_string(max) + "]");
}

CLI::Validator real_number(double min, double max) {
    const std::string range = shown(min) + " to " + shown(max);
    return CLI::Validator(
        [=](std::string& text) -> std::string {
            char* end = nullptr;
            const double value = text.empty() ? 0.0 : std::strtod(text.c_str(), &end);
            if (text.empty() || end == nullptr || *end != '\0') return "'" + text + "' is not a number";
            if (!std::isfinite(value)) return "'" + text + "' is not a finite number: use " + range;
            if (value < min || value > max) return text + " is out of range: use " + range;
            return "";
        },
        "in [" + shown(min) + ", " + shown(max) + "]");
}

CLI::Validator non_empty() {
    return CLI::Validator([](std::string& text) -> std::string { return text.empty() ? "is empty: give a path" : ""; }, "");
}

CLI::Validator existing_file(const std::string& except) {
    return CLI::Validator(
        [=](std::string& text) -> std::string {
            if (!except.empty() && text == except) return "";
            std::error_code error;
            const std::filesystem::file_status status = std::filesystem::status(text, error);
            if (text.empty()) return "is empty: give a file";
            if (status.type() == std::filesystem::file_type::not_found) return "no file '" + text + "'";
            if (status.type() == std::filesystem::file_type::directory) return "'" + text + "' is a folder, not a file";
            if (status.type() != std::filesystem::file_type::regular) return "'" + text + "' is not a regular file";
            return "";
        },
        "FILE");
}

}  // namespace dl

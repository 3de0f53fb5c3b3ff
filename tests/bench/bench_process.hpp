// Benchmark rows measured in processes of their own (so that each peak of memory is that
// row's alone): run a command, read the one JSON line it prints.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdio>
#include <stdexcept>
#include <string>

namespace bench {

/// The JSON that @p command prints on stdout. Throws, naming @p what, if the command fails
/// (its messages went to stderr) or prints nothing: a failed row must not pass for a
/// measurement.
inline nlohmann::json json_from_command(const std::string& command, const std::string& what) {
    FILE* pipe = popen(command.c_str(), "r");
    std::string output;
    char buffer[4096];
    while (pipe && std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
    if (!pipe || pclose(pipe) != 0 || output.empty()) throw std::runtime_error(what + " failed: " + command);
    return nlohmann::json::parse(output);
}

}  // namespace bench

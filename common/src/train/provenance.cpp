#include "dl/train/provenance.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace dl {

namespace {

/// @p text as a JSON string literal.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += std::string("\\") + c;
        else if (static_cast<unsigned char>(c) < 0x20) out += ' ';
        else out += c;
    }
    return out + "\"";
}

std::string environment(const char* name, const std::string& fallback) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? value : fallback;
}

/// The program's arguments after its name, as the shell would show them.
std::vector<std::string> arguments() {
    std::ifstream in("/proc/self/cmdline", std::ios::binary);
    std::vector<std::string> words;
    std::string word;
    while (std::getline(in, word, '\0')) words.push_back(word);
    return words;
}

std::string command_line() {
    const std::vector<std::string> words = arguments();
    std::string command = environment("BOOK_COMMAND", words.empty() ? "unknown" : words.front());
    for (std::size_t i = 1; i < words.size(); ++i) {
        const bool plain = words[i].find_first_of(" \t'\"$\\") == std::string::npos && !words[i].empty();
        command += " " + (plain ? words[i] : "'" + words[i] + "'");
    }
    return command;
}

std::string utc_now() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

std::string machine() {
    std::ifstream in("/proc/cpuinfo");
    std::string line, model = "unknown processor";
    while (std::getline(in, line)) {
        if (line.rfind("model name", 0) == 0 && line.find(':') != std::string::npos) {
            model = line.substr(line.find(':') + 2);
            break;
        }
    }
    return std::to_string(std::thread::hardware_concurrency()) + " cores, " + model;
}

}  // namespace

std::string describe_this_run() {
    std::ostringstream out;
    out << "{\"command\": " << quoted(command_line()) << ", \"date\": " << quoted(utc_now()) << ", \"commit\": "
        << quoted(environment("BOOK_COMMIT", "unknown")) << ", \"machine\": " << quoted(machine()) << "}";
    return out.str();
}

}  // namespace dl

#include "dl/io/atomic_file.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <regex>
#include <stdexcept>
#include <sys/types.h>
#include <unistd.h>

namespace dl {

void write_file_atomically(const std::string& path, const std::string& content) {
    const std::string temporary = path + ".tmp" + std::to_string(::getpid());
    std::FILE* out = std::fopen(temporary.c_str(), "wb");
    if (out == nullptr) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
    const bool written = std::fwrite(content.data(), 1, content.size(), out) == content.size();
    const int write_error = errno;
    const bool closed = std::fclose(out) == 0;
    if (!written || !closed) {
        std::remove(temporary.c_str());
        throw std::runtime_error("could not write " + path + " (" + std::strerror(written ? errno : write_error) + "); the previous file, if any, is unchanged");
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const int rename_error = errno;
        std::remove(temporary.c_str());
        throw std::runtime_error("could not replace " + path + ": " + std::strerror(rename_error));
    }
}

int remove_stale_temporaries(const std::string& folder) {
    static const std::regex temporary_name(R"(.+\.tmp([0-9]+))");
    std::error_code error;
    int removed = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        std::smatch match;
        const std::string name = entry.path().filename().string();
        if (!entry.is_regular_file(error) || !std::regex_match(name, match, temporary_name)) continue;
        const auto pid = pid_t(std::stol(match[1].str()));
        const bool alive = pid == ::getpid() || ::kill(pid, 0) == 0 || errno == EPERM;
        if (!alive && std::filesystem::remove(entry.path(), error)) ++removed;
    }
    return removed;
}

}  // namespace dl

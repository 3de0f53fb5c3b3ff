#include "dl/io/atomic_file.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
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

namespace {

// The process id in a temporary's name "NAME.tmpPID", or 0 for any other name.
pid_t temporary_owner(const std::string& name) {
    const std::size_t mark = name.rfind(".tmp");
    if (mark == std::string::npos || mark == 0) return 0;
    const std::string digits = name.substr(mark + 4);
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) return 0;
    return pid_t(std::stol(digits));
}

}  // namespace

int remove_stale_temporaries(const std::string& folder) {
    std::error_code error;
    int removed = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        const pid_t pid = entry.is_regular_file(error) ? temporary_owner(entry.path().filename().string()) : 0;
        if (pid == 0) continue;
        const bool alive = pid == ::getpid() || ::kill(pid, 0) == 0 || errno == EPERM;
        if (!alive && std::filesystem::remove(entry.path(), error)) ++removed;
    }
    return removed;
}

}  // namespace dl

/// @file temp_dir.hpp
/// @brief A scratch folder for one test, removed when the test ends.
#pragma once

#include <filesystem>
#include <string>
#include <unistd.h>

namespace dltest {

/// Creates a fresh folder under the system's temporary directory; deletes it on destruction.
class TempDir {
public:
    explicit TempDir(const std::string& name)
        : path_(std::filesystem::temp_directory_path() / ("dl-test-" + std::to_string(::getpid()) + "-" + name)) {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    /// The path of @p file inside the folder.
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    /// The folder itself.
    std::string path() const { return path_.string(); }

private:
    std::filesystem::path path_;
};

}  // namespace dltest

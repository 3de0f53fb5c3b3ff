/// @file run_directory.hpp
/// @brief The folder a run writes its results into: runs/CHAPTER/RUN/.
#pragma once

#include <string>

namespace dl {

class Table;

/// A results folder, created on construction. Files in it are written atomically.
class RunDirectory {
public:
    /// Creates @p path (and its parents) if needed; throws naming the path if it cannot.
    explicit RunDirectory(std::string path);

    /// The folder's path.
    const std::string& path() const { return path_; }

    /// The path of @p file inside the folder.
    std::string file(const std::string& name) const { return path_ + "/" + name; }

    /// Writes @p content to @p name through a temporary file and a rename.
    void write(const std::string& name, const std::string& content) const;

    /// An experiment's result: prints @p table to standard output, then writes it as
    /// table.md and @p results_json as results.json.
    void save_table(const Table& table, const std::string& results_json) const;

private:
    std::string path_;
};

/// Writes @p content to @p path through a temporary file and a rename, so readers of
/// @p path never see a half-written file.
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace dl

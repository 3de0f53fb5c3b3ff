/// @file run_directory.hpp
/// @brief The folder a run writes its results into: runs/CHAPTER/RUN/.
#pragma once

#include "dl/io/atomic_file.hpp"

#include <string>

namespace dl {

class Table;

/// A results folder, created on construction. Files in it are written atomically.
class RunDirectory {
public:
    /// Creates @p path (and its parents) if needed and writes run.json there (how this run
    /// was made: describe_this_run()), which also proves that the folder is writable; throws
    /// naming the path and the reason if not. Removes temporaries that a
    /// killed save left behind (remove_stale_temporaries()).
    /// @param path the folder
    explicit RunDirectory(std::string path);

    /// @brief The folder's path.
    /// @return the path given to the constructor
    const std::string& path() const { return path_; }

    /// @brief The path of file @p name inside the folder.
    /// @param name a file name
    /// @return path() + "/" + @p name
    std::string file(const std::string& name) const { return path_ + "/" + name; }

    /// @brief Writes @p content to @p name through a temporary file and a rename.
    /// @param name a file name inside the folder
    /// @param content the file's whole content
    void write(const std::string& name, const std::string& content) const;

    /// An experiment's result: prints @p table to standard output, then writes it as
    /// table.md and @p results_json as results.json.
    /// @param table the results table
    /// @param results_json the results as JSON text
    void save_table(const Table& table, const std::string& results_json) const;

private:
    std::string path_;
};

}  // namespace dl

#include "dl/train/run_directory.hpp"

#include "dl/io/atomic_file.hpp"
#include "dl/train/provenance.hpp"
#include "dl/util/table.hpp"

#include <filesystem>
#include <iostream>
#include <stdexcept>

namespace dl {

RunDirectory::RunDirectory(std::string path) : path_(std::move(path)) {
    if (path_.empty()) throw std::invalid_argument("the output folder (--out) is empty");
    std::error_code error;
    std::filesystem::create_directories(path_, error);
    if (error || !std::filesystem::is_directory(path_)) {
        throw std::runtime_error("cannot create the output folder '" + path_ + "' (--out): " +
                                 (error ? error.message() : std::string("a file of that name is in the way")));
    }
    // Writable? run.json now (how this run was made), rather than a failed save after hours
    // of training.
    try {
        write_file_atomically(file("run.json"), describe_this_run() + "\n");
    } catch (const std::exception& failure) {
        throw std::runtime_error("cannot write into the output folder '" + path_ + "' (--out): " + failure.what());
    }
    const int removed = remove_stale_temporaries(path_);
    if (removed > 0) std::cerr << "note: removed " << removed << " unfinished temporary file(s) that a killed run left in " << path_ << "\n";
}

void RunDirectory::write(const std::string& name, const std::string& content) const {
    write_file_atomically(file(name), content);
}

void RunDirectory::save_table(const Table& table, const std::string& results_json) const {
    table.print(std::cout);
    write("table.md", table.markdown());
    write("results.json", results_json);
}

}  // namespace dl

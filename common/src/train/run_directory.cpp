#include "dl/train/run_directory.hpp"

#include "dl/util/table.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <unistd.h>

namespace dl {

RunDirectory::RunDirectory(std::string path) : path_(std::move(path)) {
    std::error_code error;
    std::filesystem::create_directories(path_, error);
    if (error || !std::filesystem::is_directory(path_)) {
        throw std::runtime_error("cannot create output folder '" + path_ + "': " + error.message());
    }
}

void RunDirectory::write(const std::string& name, const std::string& content) const {
    write_file_atomically(file(name), content);
}

void RunDirectory::save_table(const Table& table, const std::string& results_json) const {
    table.print(std::cout);
    write("table.md", table.markdown());
    write("results.json", results_json);
}

void write_file_atomically(const std::string& path, const std::string& content) {
    const std::string temporary = path + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << content;
        out.flush();
        if (!out) throw std::runtime_error(temporary + ": write failed");
    }
    std::filesystem::rename(temporary, path);
}

}  // namespace dl

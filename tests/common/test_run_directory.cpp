// RunDirectory: creates its folder, refuses one it cannot create, saves an experiment's
// table as table.md and results.json, and clears the temporaries a killed save left.
#include "dl/io/atomic_file.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/table.hpp"

#include "temp_dir.hpp"

#include "../support/catch_compat.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

std::string read_all(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("RunDirectory: save_table writes table.md and results.json - an impossible folder is refused", "[run_directory]") {
    dltest::TempDir dir("run-directory");
    const dl::RunDirectory run(dir.file("a/b"));
    dl::Table table({"rate", "accuracy"});
    table.add_row({"0.1", "0.87"});
    run.save_table(table, "[{\"rate\": 0.1}]\n");
    CHECK(read_all(run.file("table.md")) == "| rate | accuracy |\n|---|---|\n| 0.1 | 0.87 |\n");
    CHECK(read_all(run.file("results.json")) == "[{\"rate\": 0.1}]\n");
    std::ofstream(dir.file("plain-file")) << "x";
    CHECK_THROWS_WITH(dl::RunDirectory(dir.file("plain-file/sub")), dltest::contains("plain-file/sub"));
}

TEST_CASE("RunDirectory: a killed save's temporary is removed - a live one and other files stay", "[run_directory]") {
    dltest::TempDir dir("run-directory-stale");
    // Process ids above Linux's largest (2^22) belong to no process; this test's own is alive.
    const std::string dead = dir.file("model.ckpt.tmp999999999"), own = dir.file("history.csv.tmp" + std::to_string(::getpid()));
    for (const std::string& name : {dead, own, dir.file("notes.tmp"), dir.file(".tmp999999999"), dir.file("a.tmp99x")}) std::ofstream(name) << "x";
    dl::RunDirectory run(dir.path());
    CHECK_FALSE(std::filesystem::exists(dead));
    CHECK(std::filesystem::exists(own));
    CHECK(std::filesystem::exists(dir.file("notes.tmp")));       // no process id
    CHECK(std::filesystem::exists(dir.file(".tmp999999999")));  // no name before ".tmp"
    CHECK(std::filesystem::exists(dir.file("a.tmp99x")));       // not all digits
    CHECK(dl::remove_stale_temporaries(dir.path()) == 0);       // nothing left to remove
}

// RunDirectory: creates its folder, refuses one it cannot create, and saves an
// experiment's table as table.md and results.json.
#include "dl/train/run_directory.hpp"
#include "dl/util/table.hpp"

#include "temp_dir.hpp"

#include "../support/catch_compat.hpp"

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

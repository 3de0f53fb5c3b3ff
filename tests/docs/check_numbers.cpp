// Numbers in the chapter texts that cannot drift from the runs that produced them.
//
// A chapter's README marks a number that a run measured with the results file and key it
// came from, in an HTML comment right after it (invisible on the page):
//
//     reaches **0.9056**<!-- from results/main.json: test_accuracy --> test accuracy
//     against 0.8962<!-- from ../01_mlp/results/main.json: test_accuracy --> for chapter 1
//
// chapters/NN_name/results/main.json is the run's results.json with its run.json (command,
// date, commit, machine) under "run", committed by docs/update_figures.sh. This program
// checks every marked number against its file, rounded to the decimals the text shows, and
// that every results file says how it was made.
//
//   check_numbers REPOSITORY_ROOT     exit 0 only if every marked number matches
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The value at @p key ("test_accuracy", "history.3.val_accuracy") in @p json, or null.
const nlohmann::json* find_key(const nlohmann::json& json, const std::string& key) {
    const nlohmann::json* node = &json;
    std::stringstream parts(key);
    std::string part;
    while (std::getline(parts, part, '.')) {
        if (node->is_object() && node->contains(part)) node = &(*node)[part];
        else if (node->is_array() && !part.empty() && part.find_first_not_of("0123456789") == std::string::npos && std::stoul(part) < node->size())
            node = &(*node)[std::stoul(part)];
        else return nullptr;
    }
    return node;
}

/// An error for a results file that does not say how it was made, or "".
std::string missing_provenance(const nlohmann::json& results) {
    for (const char* field : {"command", "date", "commit", "machine"})
        if (!results.contains("run") || !results["run"].contains(field)) return std::string("it has no run.") + field;
    return "";
}

int line_of(const std::string& text, std::size_t offset) { return 1 + int(std::count(text.begin(), text.begin() + long(offset), '\n')); }

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: check_numbers REPOSITORY_ROOT\n";
        return 2;
    }
    // The file is the chapter's own (results/main.json) or another chapter's
    // (../01_mlp/results/main.json).
    const std::regex marker(R"(([-+]?[0-9][0-9,]*(?:\.[0-9]+)?)[*_]*\s*<!-- from ((?:\.\./[0-9][0-9]_[A-Za-z0-9_]+/)?results/[A-Za-z0-9_.-]+\.json): ([A-Za-z0-9_.]+) -->)");
    int checked = 0, wrong = 0;
    for (const fs::directory_entry& chapter : fs::directory_iterator(fs::path(argv[1]) / "chapters")) {
        const fs::path readme = chapter.path() / "README.md";
        if (!fs::exists(readme)) continue;
        const std::string text = read_text(readme), where = "chapters/" + chapter.path().filename().string() + "/README.md";
        for (std::sregex_iterator m(text.begin(), text.end(), marker), end; m != end; ++m) {
            const std::string shown = (*m)[1], file = (*m)[2], key = (*m)[3];
            const std::string place = where + ":" + std::to_string(line_of(text, std::size_t(m->position(0))));
            ++checked;
            const fs::path path = chapter.path() / file;
            if (!fs::exists(path)) {
                std::cout << place << ": " << shown << " comes from " << file << ", which does not exist\n";
                ++wrong;
                continue;
            }
            nlohmann::json results;
            try {
                results = nlohmann::json::parse(read_text(path));
            } catch (const std::exception& error) {
                std::cout << place << ": " << file << " is not valid JSON: " << error.what() << "\n";
                ++wrong;
                continue;
            }
            if (const std::string problem = missing_provenance(results); !problem.empty()) {
                std::cout << place << ": " << file << " does not say how it was made: " << problem << "\n";
                ++wrong;
                continue;
            }
            const nlohmann::json* value = find_key(results, key);
            if (value == nullptr || !value->is_number()) {
                std::cout << place << ": " << file << " has no number '" << key << "'\n";
                ++wrong;
                continue;
            }
            std::string digits = shown;
            digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
            const std::size_t point = digits.find('.');
            const int decimals = point == std::string::npos ? 0 : int(digits.size() - point - 1);
            const double measured = value->get<double>(), written = std::stod(digits);
            if (std::abs(measured - written) > 0.5 * std::pow(10.0, -decimals) + 1e-9) {
                std::cout << place << ": the text says " << shown << ", but " << file << " has " << key << " = " << measured << " (from '"
                          << results["run"]["command"].get<std::string>() << "' on " << results["run"]["date"].get<std::string>()
                          << "): re-run it and run docs/update_figures.sh, or correct the text\n";
                ++wrong;
            }
        }
    }
    std::cout << checked << " marked numbers checked, " << wrong << " wrong\n";
    return wrong == 0 && checked > 0 ? 0 : 1;
}

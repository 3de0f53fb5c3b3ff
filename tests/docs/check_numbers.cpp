// Numbers in the chapter texts that cannot drift from the runs that produced them.
//
// A chapter's README marks a number that a run measured with the results file and key it
// came from, in an HTML comment right after it (invisible on the page):
//
//     reaches **0.9056**<!-- from results/main.json: test_accuracy --> test accuracy
//     against 0.8962<!-- from ../01_mlp/results/main.json: test_accuracy --> for chapter 1
//
// A whole table is marked once, on the line above it, with the list it shows (a run's
// "history", one entry per epoch, or an experiment's "rows", one per training) and the
// field each column shows, "-" for a column that is not checked:
//
//     <!-- table from results/main.json: history: epoch, lr, train_loss, -, val_accuracy -->
//     | epoch | lr | train loss | note | val acc |
//     |---|---|---|---|---|
//     | 1 | 0.015 | 0.8558 | warm-up | 0.7704 |
//
// chapters/NN_name/results/main.json is the run's results.json with its run.json (command,
// date, commit, machine) under "run" and its history.csv under "history" (an experiment's
// results/NAME.json holds its rows under "rows"), committed by docs/update_figures.sh.
// This program checks every marked number (and every cell of a marked table, row i against
// entry i of the list, as many rows as entries) against its file,
// rounded to the decimals the text shows, and that every results file says how it was made.
// A table with decimal numbers and no marker at all fails too, unless the line above it says
// why it is not checked ("<!-- unchecked table: November's runs, their results not kept -->"):
// the reasons are printed every time, so that such tables stay few and in sight.
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
#include <memory>
#include <string>
#include <vector>

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

/// The results file @p file of @p chapter, parsed; or null, with the problem printed for @p place.
std::unique_ptr<nlohmann::json> load_results(const fs::path& chapter, const std::string& file, const std::string& place) {
    const fs::path path = chapter / file;
    if (!fs::exists(path)) {
        std::cout << place << ": a number comes from " << file << ", which does not exist\n";
        return nullptr;
    }
    auto results = std::make_unique<nlohmann::json>();
    try {
        *results = nlohmann::json::parse(read_text(path));
    } catch (const std::exception& error) {
        std::cout << place << ": " << file << " is not valid JSON: " << error.what() << "\n";
        return nullptr;
    }
    if (const std::string problem = missing_provenance(*results); !problem.empty()) {
        std::cout << place << ": " << file << " does not say how it was made: " << problem << "\n";
        return nullptr;
    }
    return results;
}

/// Whether @p shown (as written: "0.9056", "5,964") is @p measured rounded to the decimals it shows.
bool shows(const std::string& shown, double measured) {
    std::string digits = shown;
    digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
    const std::size_t point = digits.find('.');
    const int decimals = point == std::string::npos ? 0 : int(digits.size() - point - 1);
    return std::abs(measured - std::stod(digits)) <= 0.5 * std::pow(10.0, -decimals) + 1e-9;
}

/// Checks the number @p shown at @p place against @p key of @p results (file @p file); false, with
/// the problem printed, if it is not there or differs.
bool check_number(const std::string& shown, const nlohmann::json& results, const std::string& file, const std::string& key, const std::string& place) {
    static const std::regex number(R"([-+]?[0-9][0-9,]*(\.[0-9]+)?)");
    if (!std::regex_match(shown, number)) {
        std::cout << place << ": the text shows '" << shown << "' where " << key << " of " << file << " belongs (mark that column \"-\" if it holds no number)\n";
        return false;
    }
    const nlohmann::json* value = find_key(results, key);
    if (value == nullptr || !value->is_number()) {
        std::cout << place << ": " << file << " has no number '" << key << "'\n";
        return false;
    }
    if (shows(shown, value->get<double>())) return true;
    std::cout << place << ": the text says " << shown << ", but " << file << " has " << key << " = " << value->get<double>() << " (from '"
              << results["run"]["command"].get<std::string>() << "' on " << results["run"]["date"].get<std::string>()
              << "): re-run it and run docs/update_figures.sh, or correct the text\n";
    return false;
}

std::vector<std::string> split(const std::string& line, char separator) {
    std::vector<std::string> parts;
    std::stringstream stream(line);
    std::string part;
    while (std::getline(stream, part, separator)) {
        const std::size_t first = part.find_first_not_of(" \t*"), last = part.find_last_not_of(" \t*");
        parts.push_back(first == std::string::npos ? "" : part.substr(first, last - first + 1));
    }
    return parts;
}

/// Checks the markdown table that starts on the line after @p offset in @p text, row i against
/// @p results[history][i], column j against @p fields[j] ("-": not checked). Returns the
/// number of cells checked; adds the wrong ones to @p wrong.
int check_table(const std::string& text, std::size_t offset, const nlohmann::json& results, const std::string& file, const std::string& list,
                const std::vector<std::string>& fields, const std::string& where, int& wrong) {
    std::stringstream lines(text.substr(text.find('\n', offset) + 1));
    std::string line;
    int line_number = line_of(text, offset), row = -2, checked = 0;  // rows -2 and -1: the header and the |---| line
    const nlohmann::json* entries = find_key(results, list);
    if (entries == nullptr || !entries->is_array()) {
        std::cout << where << ":" << line_number << ": " << file << " has no list '" << list << "'\n";
        ++wrong;
        return 0;
    }
    while (std::getline(lines, line) && !line.empty() && line[0] == '|') {
        ++line_number;
        if (row++ < 0) continue;
        std::vector<std::string> cells = split(line.substr(1, line.rfind('|') - 1), '|');
        const std::string place = where + ":" + std::to_string(line_number);
        if (cells.size() != fields.size()) {
            std::cout << place << ": the row has " << cells.size() << " cells, the marker names " << fields.size() << " fields\n";
            ++wrong;
            continue;
        }
        for (std::size_t j = 0; j < cells.size(); ++j) {
            if (fields[j] == "-") continue;
            ++checked;
            if (!check_number(cells[j], results, file, list + "." + std::to_string(row - 1) + "." + fields[j], place)) ++wrong;
        }
    }
    if (row != int(entries->size())) {
        std::cout << where << ":" << line_number << ": the table has " << std::max(row, 0) << " rows, " << file << " has " << entries->size() << " " << list
                  << " entries\n";
        ++wrong;
    }
    return checked;
}

/// Counts the tables of @p text (at @p where) that show measured-looking numbers (a decimal
/// such as 0.8043 or 16.5) without saying where they come from; prints each. A table says it
/// by a "table from" marker on the line above, by a "from" marker after each such number, or
/// by "<!-- unchecked table: REASON -->" above it (a run whose results were not kept, figures
/// worked out by hand), whose reason is printed so that it stays in sight.
int count_unsourced_tables(const std::string& text, const std::string& where, const std::regex& marker) {
    static const std::regex decimal(R"((^|[^0-9.])[0-9]+\.[0-9]+)");
    std::stringstream lines(text);
    std::string line, previous;
    int line_number = 0, unsourced = 0, table_start = 0;
    bool in_table = false, sourced = false, reported = false, is_exercise_table = false;
    while (std::getline(lines, line)) {
        ++line_number;
        const bool table_line = !line.empty() && line[0] == '|';
        if (table_line && !in_table) {
            in_table = true;
            table_start = line_number;
            reported = false;
            sourced = previous.find("<!-- table from ") != std::string::npos;
            is_exercise_table = line.rfind("| exercise |", 0) == 0;  // exercise numbers (2.3) are no measurements
            if (previous.rfind("<!-- unchecked table: ", 0) == 0) {
                std::cout << where << ":" << table_start << ": not checked: " << previous.substr(22, previous.rfind(" -->") - 22) << "\n";
                sourced = true;
            }
        } else if (table_line && !sourced && !reported && !is_exercise_table && line_number > table_start + 1) {
            const std::string unmarked = std::regex_replace(line, marker, "");
            std::smatch found;
            if (std::regex_search(unmarked, found, decimal)) {
                std::cout << where << ":" << line_number << ": a table shows " << found.str().substr(found[1].length())
                          << " without saying where it comes from: mark it (\"<!-- table from FILE: LIST: FIELDS -->\" or a \"from\" marker per number), or say why it is not checked (\"<!-- unchecked table: REASON -->\")\n";
                ++unsourced;
                reported = true;
            }
        }
        if (!table_line) in_table = false;
        previous = line;
    }
    return unsourced;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: check_numbers REPOSITORY_ROOT\n";
        return 2;
    }
    // The file is the chapter's own (results/main.json) or another chapter's
    // (../01_mlp/results/main.json).
    const std::string file_pattern = R"(((?:\.\./[0-9][0-9]_[A-Za-z0-9_]+/)?results/[A-Za-z0-9_.-]+\.json))";
    const std::regex marker(R"(([-+]?[0-9][0-9,]*(?:\.[0-9]+)?)[*_]*\s*<!-- from )" + file_pattern + R"(: ([A-Za-z0-9_.]+) -->)");
    const std::regex table_marker("<!-- table from " + file_pattern + R"(: ([A-Za-z0-9_]+): ([A-Za-z0-9_, -]+) -->)");
    int checked = 0, wrong = 0;
    for (const fs::directory_entry& chapter : fs::directory_iterator(fs::path(argv[1]) / "chapters")) {
        const fs::path readme = chapter.path() / "README.md";
        if (!fs::exists(readme)) continue;
        const std::string text = read_text(readme), where = "chapters/" + chapter.path().filename().string() + "/README.md";
        for (std::sregex_iterator m(text.begin(), text.end(), marker), end; m != end; ++m) {
            const std::string place = where + ":" + std::to_string(line_of(text, std::size_t(m->position(0))));
            ++checked;
            const std::unique_ptr<nlohmann::json> results = load_results(chapter.path(), (*m)[2], place);
            if (!results || !check_number((*m)[1], *results, (*m)[2], (*m)[3], place)) ++wrong;
        }
        wrong += count_unsourced_tables(text, where, marker);
        for (std::sregex_iterator m(text.begin(), text.end(), table_marker), end; m != end; ++m) {
            const std::string place = where + ":" + std::to_string(line_of(text, std::size_t(m->position(0))));
            const std::unique_ptr<nlohmann::json> results = load_results(chapter.path(), (*m)[1], place);
            if (!results) {
                ++wrong;
                continue;
            }
            checked += check_table(text, std::size_t(m->position(0)), *results, (*m)[1], (*m)[2], split((*m)[3], ','), where, wrong);
        }
    }
    std::cout << checked << " marked numbers checked, " << wrong << " wrong\n";
    return wrong == 0 && checked > 0 ? 0 : 1;
}

#include "dl/util/table.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace dl {

void Table::add_row(std::vector<std::string> cells) {
    if (cells.size() != headers_.size()) throw std::invalid_argument("Table::add_row: " + std::to_string(cells.size()) + " cells for " + std::to_string(headers_.size()) + " columns");
    rows_.push_back(std::move(cells));
}

void Table::print(std::ostream& out) const {
    std::vector<std::size_t> width(headers_.size());
    for (std::size_t c = 0; c < headers_.size(); ++c) {
        width[c] = headers_[c].size();
        for (const auto& row : rows_) width[c] = std::max(width[c], row[c].size());
    }
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const bool last = c + 1 == cells.size();
            out << (c == 0 ? "" : "  ") << cells[c] << (last ? "" : std::string(width[c] - cells[c].size(), ' '));
        }
        out << '\n';
    };
    line(headers_);
    std::size_t total = 0;
    for (std::size_t w : width) total += w + 2;
    out << std::string(total - 2, '-') << '\n';
    for (const auto& row : rows_) line(row);
}

std::string Table::markdown() const {
    auto line = [](const std::vector<std::string>& cells) {
        std::string text = "|";
        for (const auto& cell : cells) text += " " + cell + " |";
        return text + "\n";
    };
    std::string text = line(headers_) + "|";
    for (std::size_t c = 0; c < headers_.size(); ++c) text += "---|";
    text += "\n";
    for (const auto& row : rows_) text += line(row);
    return text;
}

std::string fixed(double value, int digits) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
    return buffer;
}

std::string counted(long long count, const std::string& noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

}  // namespace dl

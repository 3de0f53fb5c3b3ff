/// @file table.hpp
/// @brief Aligned text tables for results printed by the chapter programs.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace dl {

/// A table of strings printed with aligned columns, or as Markdown for the chapter text.
class Table {
public:
    /// A table with these column headers.
    explicit Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}

    /// Appends a row; it must have one cell per header.
    void add_row(std::vector<std::string> cells);

    /// Prints with columns padded to equal width.
    void print(std::ostream& out) const;

    /// The table in Markdown syntax.
    std::string markdown() const;

private:
    std::vector<std::string> headers_;
    std::vector<std::vector<std::string>> rows_;
};

/// @p value with @p digits decimals, e.g. fixed(0.91234, 4) == "0.9123".
std::string fixed(double value, int digits);

/// A count with its noun, singular for one: counted(1, "epoch") == "1 epoch",
/// counted(15, "epoch") == "15 epochs".
std::string counted(long long count, const std::string& noun);

}  // namespace dl

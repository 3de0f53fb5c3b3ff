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
    /// @brief A table with these column headers.
    /// @param headers one per column
    explicit Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}

    /// @brief Appends a row; it must have one cell per header.
    /// @param cells one per column (any other count throws std::invalid_argument)
    void add_row(std::vector<std::string> cells);

    /// @brief Prints with columns padded to equal width.
    /// @param out the stream to print to
    void print(std::ostream& out) const;

    /// @brief The table in Markdown syntax.
    /// @return the Markdown text
    std::string markdown() const;

private:
    std::vector<std::string> headers_;
    std::vector<std::vector<std::string>> rows_;
};

/// @brief @p value with @p digits decimals, e.g. fixed(0.91234, 4) == "0.9123".
/// @param value the number
/// @param digits decimals after the point
/// @return the text
std::string fixed(double value, int digits);

/// A count with its noun, singular for one: counted(1, "epoch") == "1 epoch",
/// counted(15, "epoch") == "15 epochs".
/// @param count the number
/// @param noun the singular noun
/// @return the count and the noun
std::string counted(long long count, const std::string& noun);

}  // namespace dl

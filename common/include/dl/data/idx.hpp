/// @file idx.hpp
/// @brief Reader for the IDX format that MNIST and Fashion-MNIST are distributed in.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dl {

/// The contents of one IDX file of unsigned bytes.
struct IdxArray {
    std::vector<std::size_t> dims;   ///< e.g. {60000, 28, 28} for an image file
    std::vector<std::uint8_t> data;  ///< prod(dims) bytes, row-major
};

/// Reads an IDX file, gzipped or raw (detected from its content, not its name).
///
/// Layout: two zero bytes, a type byte (0x08 = unsigned byte, the only type read here),
/// the rank, then `rank` big-endian 32-bit sizes, then the data. Every part is checked:
/// a missing file, bad magic, an unexpected type or rank (when @p expected_rank > 0),
/// a zero size, a truncated body or trailing bytes all throw std::runtime_error with a
/// message naming @p path and the problem.
/// @param path the file
/// @param expected_rank the rank the file must have, or 0 for any
/// @return the sizes and the data
IdxArray read_idx(const std::string& path, int expected_rank = 0);

/// @brief Writes @p array as a raw (uncompressed) IDX file; used by tests and dataset tools.
/// @param path the file to write
/// @param array the sizes and the data
void write_idx(const std::string& path, const IdxArray& array);

}  // namespace dl

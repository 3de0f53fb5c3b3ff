#include "dl/data/idx.hpp"

#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <stdexcept>

namespace dl {

namespace {

// The whole file, decompressed if it is gzip (zlib reads plain files unchanged).
std::vector<std::uint8_t> read_all_bytes(const std::string& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) throw std::runtime_error(path + ": is a folder, not an IDX file");
    gzFile file = gzopen(path.c_str(), "rb");
    if (file == nullptr) throw std::runtime_error(path + ": cannot open file (does it exist and is it readable?)");
    std::vector<std::uint8_t> bytes;
    std::uint8_t chunk[1 << 16];
    int got = 0;
    while ((got = gzread(file, chunk, sizeof chunk)) > 0) bytes.insert(bytes.end(), chunk, chunk + got);
    // A gzip stream cut short ends the reads quietly; zlib reports it only through gzerror.
    int error_code = Z_OK;
    const std::string zlib_message = gzerror(file, &error_code);
    gzclose(file);
    if (got < 0 || (error_code != Z_OK && error_code != Z_STREAM_END)) {
        throw std::runtime_error(path + ": corrupt or truncated gzip stream (" + zlib_message + ")");
    }
    return bytes;
}

std::size_t read_big_endian_u32(const std::uint8_t* p) {
    return (std::size_t(p[0]) << 24) | (std::size_t(p[1]) << 16) | (std::size_t(p[2]) << 8) | std::size_t(p[3]);
}

}  // namespace

IdxArray read_idx(const std::string& path, int expected_rank) {
    const std::vector<std::uint8_t> bytes = read_all_bytes(path);
    if (bytes.size() < 4) throw std::runtime_error(path + ": too short to be an IDX file (" + std::to_string(bytes.size()) + " bytes)");
    if (bytes[0] != 0 || bytes[1] != 0) throw std::runtime_error(path + ": bad magic number (not an IDX file)");
    if (bytes[2] != 0x08) {
        char type[8];
        std::snprintf(type, sizeof type, "0x%02X", unsigned(bytes[2]));
        throw std::runtime_error(path + ": IDX element type " + type + " is not 0x08 (unsigned byte)");
    }
    const int rank = bytes[3];
    if (rank < 1 || (expected_rank > 0 && rank != expected_rank)) {
        throw std::runtime_error(path + ": IDX rank " + std::to_string(rank) + ", expected " +
                                 (expected_rank > 0 ? std::to_string(expected_rank) : std::string("at least 1")));
    }
    const std::size_t header = 4 + 4 * std::size_t(rank);
    if (bytes.size() < header) throw std::runtime_error(path + ": truncated in the header");
    IdxArray array;
    std::size_t count = 1;
    for (int d = 0; d < rank; ++d) {
        array.dims.push_back(read_big_endian_u32(&bytes[4 + 4 * std::size_t(d)]));
        if (array.dims.back() == 0) throw std::runtime_error(path + ": dimension " + std::to_string(d) + " is zero");
        if (array.dims.back() > std::numeric_limits<std::size_t>::max() / count) throw std::runtime_error(path + ": dimensions too large");
        count *= array.dims.back();
    }
    const std::size_t body = bytes.size() - header;
    if (body < count) {
        throw std::runtime_error(path + ": truncated: the header promises " + std::to_string(count) +
                                 " data bytes but only " + std::to_string(body) + " follow");
    }
    if (body > count) {
        throw std::runtime_error(path + ": " + std::to_string(body - count) +
                                 " unexpected bytes after the data the header describes");
    }
    array.data.assign(bytes.begin() + std::ptrdiff_t(header), bytes.end());
    return array;
}

void write_idx(const std::string& path, const IdxArray& array) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw std::runtime_error(path + ": cannot create file");
    const std::uint8_t magic[4] = {0, 0, 0x08, std::uint8_t(array.dims.size())};
    out.write(reinterpret_cast<const char*>(magic), 4);
    for (std::size_t d : array.dims) {
        const std::uint8_t be[4] = {std::uint8_t(d >> 24), std::uint8_t(d >> 16), std::uint8_t(d >> 8), std::uint8_t(d)};
        out.write(reinterpret_cast<const char*>(be), 4);
    }
    out.write(reinterpret_cast<const char*>(array.data.data()), std::streamsize(array.data.size()));
    if (!out) throw std::runtime_error(path + ": write failed");
}

}  // namespace dl

#include "dl/io/checkpoint.hpp"

#include "dl/io/atomic_file.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace dl {

namespace {

constexpr char kMagic[8] = {'D', 'L', 'C', 'K', 'P', 'T', '0', '1'};
// Version 2 stores parameters then buffers. A version-1 file holds parameters only, in the
// same layout, so it is read the same way (and refused if the model has buffers).
constexpr std::uint32_t kVersion = 2;

// Appends raw little-endian bytes of a value to a byte buffer.
template <class V>
void put(std::string& out, V value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void put_string(std::string& out, const std::string& s) {
    put<std::uint32_t>(out, std::uint32_t(s.size()));
    out += s;
}

// Reads values from a byte buffer, refusing to run past its end.
class Reader {
public:
    Reader(const std::string& bytes, std::size_t end, const std::string& path) : bytes_(bytes), end_(end), path_(path) {}
    template <class V>
    V get() {
        V value;
        std::memcpy(&value, take(sizeof value), sizeof value);
        return value;
    }
    std::string get_string() {
        const std::uint32_t size = get<std::uint32_t>();
        return std::string(take(size), size);
    }
    bool at_end() const { return pos_ == end_; }
    const char* take(std::size_t n) {
        if (n > end_ - pos_) throw std::runtime_error(path_ + ": checkpoint is truncated or malformed");
        const char* p = bytes_.data() + pos_;
        pos_ += n;
        return p;
    }

private:
    const std::string& bytes_;
    std::size_t end_, pos_ = 0;
    const std::string& path_;
};

// CRC-32 of the first @p length bytes, fed to zlib in pieces that fit its uInt length.
std::uint32_t crc_of(const std::string& bytes, std::size_t length) {
    uLong crc = crc32(0L, Z_NULL, 0);
    for (std::size_t done = 0; done < length;) {
        const std::size_t piece = std::min<std::size_t>(length - done, std::size_t(1) << 30);
        crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data() + done), uInt(piece));
        done += piece;
    }
    return std::uint32_t(crc);
}

constexpr std::uint32_t kMaxRank = 8;

// Everything a checkpoint holds, in order: every parameter's value, then every buffer.
template <class T>
struct NamedTensor {
    const std::string* name;
    Tensor<T>* value;
};

template <class T>
std::vector<NamedTensor<T>> model_state(Layer<T>& model) {
    std::vector<NamedTensor<T>> state;
    for (Parameter<T>* p : model.parameters()) state.push_back({&p->name, &p->value});
    for (Buffer<T>* b : model.buffers()) state.push_back({&b->name, &b->value});
    return state;
}

}  // namespace

template <class T>
void save_checkpoint(const std::string& path, Layer<T>& model, const std::string& architecture) {
    const std::vector<NamedTensor<T>> params = model_state(model);
    std::string bytes(kMagic, sizeof kMagic);
    put<std::uint32_t>(bytes, kVersion);
    put<std::uint32_t>(bytes, sizeof(T));
    put_string(bytes, architecture);
    put<std::uint32_t>(bytes, std::uint32_t(params.size()));
    for (const NamedTensor<T>& p : params) {
        put_string(bytes, *p.name);
        put<std::uint32_t>(bytes, std::uint32_t(p.value->dimension()));
        for (std::size_t d : p.value->shape()) put<std::uint64_t>(bytes, d);
    }
    for (const NamedTensor<T>& p : params) bytes.append(reinterpret_cast<const char*>(p.value->data()), p.value->size() * sizeof(T));
    put<std::uint32_t>(bytes, crc_of(bytes, bytes.size()));

    const std::filesystem::path target(path);
    if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path());
    write_file_atomically(path, bytes);  // a killed or failed save leaves the previous checkpoint intact
}

template <class T>
void load_checkpoint(const std::string& path, Layer<T>& model, const std::string& architecture) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open checkpoint");
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() < sizeof kMagic + 4 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
        throw std::runtime_error(path + ": not a checkpoint of this book (bad magic)");
    }
    const std::size_t body = bytes.size() - 4;
    std::uint32_t stored_crc;
    std::memcpy(&stored_crc, bytes.data() + body, 4);
    if (stored_crc != crc_of(bytes, body)) {
        throw std::runtime_error(path + ": checkpoint is corrupt or truncated (checksum mismatch)");
    }
    Reader reader(bytes, body, path);
    reader.take(sizeof kMagic);
    const auto version = reader.get<std::uint32_t>();
    if (version != 1 && version != kVersion) throw std::runtime_error(path + ": checkpoint format version " + std::to_string(version) + ", this build reads 1 and " + std::to_string(kVersion));
    const auto scalar = reader.get<std::uint32_t>();
    if (scalar != sizeof(T)) throw std::runtime_error(path + ": checkpoint holds " + std::to_string(scalar * 8) + "-bit values, the model uses " + std::to_string(sizeof(T) * 8) + "-bit");
    const std::string stored_arch = reader.get_string();
    if (stored_arch != architecture) {
        throw std::runtime_error(path + ": checkpoint is of architecture '" + stored_arch + "', expected '" + architecture + "'");
    }
    const std::vector<NamedTensor<T>> params = model_state(model);
    const auto count = reader.get<std::uint32_t>();
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::string name = reader.get_string();
        const auto rank = reader.get<std::uint32_t>();
        if (rank > kMaxRank) throw std::runtime_error(path + ": parameter '" + name + "' has rank " + std::to_string(rank) + " (malformed checkpoint)");
        Shape shape(rank);
        for (std::size_t& d : shape) d = std::size_t(reader.get<std::uint64_t>());
        if (i >= params.size()) throw std::runtime_error(path + ": checkpoint has an extra tensor '" + name + "' " + shape_string(shape) + " that the model lacks");
        const Shape expected = shape_of(*params[i].value);
        if (name != *params[i].name || shape != expected) {
            throw std::runtime_error(path + ": tensor #" + std::to_string(i) + " is '" + name + "' " + shape_string(shape) +
                                     " in the checkpoint but '" + *params[i].name + "' " + shape_string(expected) + " in the model");
        }
    }
    if (count < params.size()) throw std::runtime_error(path + ": checkpoint lacks '" + *params[count].name + "' " + shape_string(shape_of(*params[count].value)) + " of the model");
    std::vector<const char*> sources;
    for (const NamedTensor<T>& p : params) sources.push_back(reader.take(p.value->size() * sizeof(T)));
    if (!reader.at_end()) throw std::runtime_error(path + ": unexpected bytes after the last parameter (malformed checkpoint)");
    for (std::size_t i = 0; i < params.size(); ++i) std::memcpy(params[i].value->data(), sources[i], params[i].value->size() * sizeof(T));
}

template void save_checkpoint<float>(const std::string&, Layer<float>&, const std::string&);
template void save_checkpoint<double>(const std::string&, Layer<double>&, const std::string&);
template void load_checkpoint<float>(const std::string&, Layer<float>&, const std::string&);
template void load_checkpoint<double>(const std::string&, Layer<double>&, const std::string&);

}  // namespace dl

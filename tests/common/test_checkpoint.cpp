// Checkpoints: round trip, atomic write, and every way a load must be refused.
#include "dl/io/checkpoint.hpp"
#include "dl/layers/activations.hpp"
#include "dl/layers/linear.hpp"
#include "dl/layers/sequential.hpp"

#include "../support/temp_dir.hpp"

#include "dl/layers/batch_norm.hpp"

#include "../support/catch_compat.hpp"
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <cstring>
#include <iterator>

namespace {

dl::Sequential<float> mlp(std::size_t hidden, std::uint64_t seed) {
    dl::Rng rng(seed);
    dl::Sequential<float> net;
    net.add<dl::Linear<float>>(6, hidden, dl::Init::he, rng);
    net.add<dl::ReLU<float>>();
    net.add<dl::Linear<float>>(hidden, 3, dl::Init::he, rng);
    return net;
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("checkpoint: save then load restores every parameter exactly", "[checkpoint]") {
    dltest::TempDir dir("ckpt-roundtrip");
    auto saved = mlp(5, 1), loaded = mlp(5, 2);
    dl::save_checkpoint(dir.file("m.ckpt"), saved, "mlp");
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);  // no temporary left behind
    REQUIRE((loaded.parameters()[0]->value != saved.parameters()[0]->value));
    dl::load_checkpoint(dir.file("m.ckpt"), loaded, "mlp");
    for (std::size_t i = 0; i < saved.parameters().size(); ++i) CHECK((loaded.parameters()[i]->value == saved.parameters()[i]->value));
}

TEST_CASE("checkpoint: a different model is refused - naming the first mismatching parameter and both shapes", "[checkpoint]") {
    dltest::TempDir dir("ckpt-mismatch");
    auto small = mlp(5, 1), wide = mlp(7, 1);
    dl::save_checkpoint(dir.file("m.ckpt"), small, "mlp");
    const auto before = wide.parameters()[0]->value;
    CHECK_THROWS_WITH(dl::load_checkpoint(dir.file("m.ckpt"), wide, "mlp"),
                      dltest::contains("'0.weight' (5, 6)") && dltest::contains("'0.weight' (7, 6)"));
    CHECK((wide.parameters()[0]->value == before));  // untouched by the failed load
    CHECK_THROWS_WITH(dl::load_checkpoint(dir.file("m.ckpt"), small, "resnet20"), dltest::contains("architecture 'mlp'"));
}

TEST_CASE("checkpoint: corrupt - truncated and foreign files are refused", "[checkpoint]") {
    dltest::TempDir dir("ckpt-broken");
    auto net = mlp(5, 1);
    dl::save_checkpoint(dir.file("m.ckpt"), net, "mlp");
    std::string bytes = read_bytes(dir.file("m.ckpt"));

    std::string flipped = bytes;
    flipped[bytes.size() / 2] ^= 0x40;
    std::ofstream(dir.file("flipped.ckpt"), std::ios::binary) << flipped;
    CHECK_THROWS_WITH(dl::load_checkpoint(dir.file("flipped.ckpt"), net, "mlp"), dltest::contains("flipped.ckpt") && dltest::contains("corrupt"));

    std::ofstream(dir.file("cut.ckpt"), std::ios::binary) << bytes.substr(0, bytes.size() - 100);
    CHECK_THROWS_WITH(dl::load_checkpoint(dir.file("cut.ckpt"), net, "mlp"), dltest::contains("cut.ckpt") && dltest::contains("corrupt or truncated"));

    std::ofstream(dir.file("text.ckpt")) << "hello";
    CHECK_THROWS_WITH(dl::load_checkpoint(dir.file("text.ckpt"), net, "mlp"), dltest::contains("bad magic"));

    CHECK_THROWS_WITH(dl::load_checkpoint(dir.file("absent.ckpt"), net, "mlp"), dltest::contains("absent.ckpt"));
}

TEST_CASE("checkpoint: missing or extra parameters and another scalar type are refused by name", "[checkpoint]") {
    dltest::TempDir dir("ckpt-structure");
    auto net = mlp(5, 1);
    dl::save_checkpoint(dir.file("m.ckpt"), net, "mlp");
    dl::Sequential<float> longer = mlp(5, 1);
    dl::Rng rng(4);
    longer.add<dl::Linear<float>>(3, 2, dl::Init::he, rng);
    CHECK_THROWS_WITH(dl::load_checkpoint(dir.file("m.ckpt"), longer, "mlp"), dltest::contains("lacks '3.weight' (2, 3)"));
    dl::save_checkpoint(dir.file("long.ckpt"), longer, "mlp");
    CHECK_THROWS_WITH(dl::load_checkpoint(dir.file("long.ckpt"), net, "mlp"), dltest::contains("extra tensor '3.weight' (2, 3)"));
    dl::Sequential<double> in_double;
    in_double.add<dl::Linear<double>>(6, 5, dl::Init::he, rng);
    CHECK_THROWS_WITH(dl::load_checkpoint(dir.file("m.ckpt"), in_double, "mlp"), dltest::contains("32-bit values") && dltest::contains("64-bit"));
}

TEST_CASE("checkpoint: a version-1 file (parameters only) loads - but not into a model with buffers", "[checkpoint]") {
    dltest::TempDir dir("ckpt-v1");
    auto net = mlp(5, 1), copy = mlp(5, 2);
    dl::save_checkpoint(dir.file("m.ckpt"), net, "mlp");
    // Rewrite it as version 1: the version field follows the 8-byte magic; fix the CRC-32.
    std::string bytes = read_bytes(dir.file("m.ckpt"));
    const std::uint32_t one = 1;
    std::memcpy(&bytes[8], &one, 4);
    const std::uint32_t crc = std::uint32_t(crc32(0L, reinterpret_cast<const Bytef*>(bytes.data()), uInt(bytes.size() - 4)));
    std::memcpy(&bytes[bytes.size() - 4], &crc, 4);
    std::ofstream(dir.file("v1.ckpt"), std::ios::binary) << bytes;
    dl::load_checkpoint(dir.file("v1.ckpt"), copy, "mlp");
    CHECK((copy.parameters()[2]->value == net.parameters()[2]->value));

    dl::Sequential<float> with_bn = mlp(5, 1);
    with_bn.add<dl::BatchNorm1d<float>>(3, 0.1, 1e-5, false);  // no gamma/beta: only buffers are missing
    CHECK_THROWS_WITH(dl::load_checkpoint(dir.file("v1.ckpt"), with_bn, "mlp"), dltest::contains("lacks '3.running_mean' (3)"));
}

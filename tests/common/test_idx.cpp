// The IDX reader on small files written here: good ones (raw and gzip) and broken ones.
#include "dl/data/idx.hpp"

#include "../support/temp_dir.hpp"

#include "../support/catch_compat.hpp"
#include <zlib.h>

#include <fstream>
#include <iterator>

namespace {

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

void gzip_file(const std::string& from, const std::string& to) {
    const std::string bytes = read_bytes(from);
    gzFile gz = gzopen(to.c_str(), "wb");
    gzwrite(gz, bytes.data(), unsigned(bytes.size()));
    gzclose(gz);
}

dl::IdxArray two_images() {
    dl::IdxArray a;
    a.dims = {2, 3, 2};
    for (int i = 0; i < 12; ++i) a.data.push_back(std::uint8_t(i * 20));
    return a;
}

}  // namespace

TEST_CASE("IDX: a raw file written by hand reads back", "[idx][data]") {
    dltest::TempDir dir("idx-raw");
    write_bytes(dir.file("labels"), std::string("\0\0\x08\x01\0\0\0\x03\x07\x02\x09", 11));
    const dl::IdxArray labels = dl::read_idx(dir.file("labels"), 1);
    CHECK(labels.dims == std::vector<std::size_t>{3});
    CHECK(labels.data == std::vector<std::uint8_t>{7, 2, 9});
}

TEST_CASE("IDX: write then read - raw and gzipped", "[idx][data]") {
    dltest::TempDir dir("idx-roundtrip");
    dl::write_idx(dir.file("images"), two_images());
    gzip_file(dir.file("images"), dir.file("images.gz"));
    for (const std::string name : {"images", "images.gz"}) {
        const dl::IdxArray back = dl::read_idx(dir.file(name), 3);
        CHECK(back.dims == two_images().dims);
        CHECK(back.data == two_images().data);
    }
}

TEST_CASE("IDX: broken files are refused with the file and the problem named", "[idx][data]") {
    dltest::TempDir dir("idx-broken");
    dl::write_idx(dir.file("good"), two_images());
    const std::string good = read_bytes(dir.file("good"));

    const std::string missing = dir.file("missing");
    CHECK_THROWS_WITH(dl::read_idx(missing), dltest::contains(missing) && dltest::contains("cannot open"));

    write_bytes(dir.file("magic"), "\x01" + good.substr(1));
    CHECK_THROWS_WITH(dl::read_idx(dir.file("magic")), dltest::contains(dir.file("magic")) && dltest::contains("bad magic"));

    write_bytes(dir.file("truncated"), good.substr(0, good.size() - 5));
    CHECK_THROWS_WITH(dl::read_idx(dir.file("truncated")), dltest::contains(dir.file("truncated")) && dltest::contains("truncated"));

    write_bytes(dir.file("trailing"), good + "xyz");
    CHECK_THROWS_WITH(dl::read_idx(dir.file("trailing")), dltest::contains("3 unexpected bytes"));

    CHECK_THROWS_WITH(dl::read_idx(dir.file("good"), 1), dltest::contains("rank 3, expected 1"));

    std::string zero = good;
    zero[4] = zero[5] = zero[6] = zero[7] = '\0';  // first dimension 0
    write_bytes(dir.file("zero"), zero);
    CHECK_THROWS_WITH(dl::read_idx(dir.file("zero")), dltest::contains("dimension 0 is zero"));

    std::string wrong_type = good;
    wrong_type[2] = '\x0D';  // float
    write_bytes(dir.file("type"), wrong_type);
    CHECK_THROWS_WITH(dl::read_idx(dir.file("type")), dltest::contains("type 0x0D is not 0x08"));

    gzip_file(dir.file("good"), dir.file("cut.gz"));
    const std::string gz = read_bytes(dir.file("cut.gz"));
    write_bytes(dir.file("cut.gz"), gz.substr(0, gz.size() / 2));
    CHECK_THROWS_WITH(dl::read_idx(dir.file("cut.gz")), dltest::contains(dir.file("cut.gz")) && dltest::contains("corrupt or truncated gzip"));
}

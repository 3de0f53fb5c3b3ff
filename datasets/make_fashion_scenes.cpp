// Makes the "Fashion scenes" segmentation dataset of chapter 5 as ordinary image folders:
//
//   build/datasets/make_fashion_scenes                      the book's default dataset
//   build/datasets/make_fashion_scenes --out DIR --train 200 --test 50 --seed 7
//
// `./book run 05` calls the same library function on first use, so running this by hand
// is only needed for a dataset of another size.
#include "dl/data/fashion_mnist.hpp"
#include "dl/data/fashion_scenes.hpp"
#include "dl/util/cli_checks.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <stdexcept>

int main(int argc, char** argv) {
    CLI::App app{"Composes 64x64 scenes of 2-4 Fashion-MNIST items on a textured, noisy background, with a label mask per\n"
                 "scene (0 = background, class + 1 under an item), and writes them as DIR/{train,val,test}/{images,masks}/*.png."};
    std::string out = dl::default_scenes_dir(), data;
    dl::SceneSplitSizes sizes;
    dl::SceneOptions options;
    std::uint64_t seed = 1;
    app.add_option("--out", out, "output folder")->capture_default_str()->check(dl::non_empty());
    app.add_option("--data", data, "Fashion-MNIST folder (default: $DL_FASHION_MNIST_DIR, then the Debian package)")->check(dl::non_empty());
    app.add_option("--train", sizes.train, "training scenes")->capture_default_str()->check(dl::whole_number(1, 1000000));
    app.add_option("--val", sizes.validation, "validation scenes")->capture_default_str()->check(dl::whole_number(1, 1000000));
    app.add_option("--test", sizes.test, "test scenes")->capture_default_str()->check(dl::whole_number(1, 1000000));
    app.add_option("--seed", seed, "seed for every random choice")->capture_default_str()->check(dl::whole_number(0, UINT64_MAX));
    app.add_option("--size", options.size, "canvas side in pixels")->capture_default_str()->check(dl::whole_number(42, 1024));
    app.add_option("--noise", options.noise, "standard deviation of the pixel noise")->capture_default_str()->check(dl::real_number(0.0, 0.5));
    CLI11_PARSE(app, argc, argv);
    try {
        dl::make_fashion_scenes(out, dl::locate_fashion_mnist(data), sizes, seed, options, &std::cout);
        std::cout << "Fashion scenes in " << out << "/ (" << sizes.train << " train, " << sizes.validation << " val, " << sizes.test << " test)\n";
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}

/// @file fashion_scenes.hpp
/// @brief "Fashion scenes": a segmentation dataset composed from Fashion-MNIST items.
#pragma once

#include "dl/data/dataset.hpp"
#include "dl/io/png.hpp"
#include "dl/util/random.hpp"

#include <functional>
#include <iosfwd>
#include <string>

namespace dl {

/// How scenes are composed. The defaults are the book's dataset.
struct SceneOptions {
    int size = 64;              ///< canvas side in pixels
    int min_items = 2;          ///< fewest items per scene (the count is uniform in [min_items, max_items])
    int max_items = 4;          ///< most items per scene
    double min_scale = 0.9;     ///< an item's side is 28·scale pixels, scale uniform in [min_scale, max_scale]
    double max_scale = 1.5;     ///< largest scale
    double max_overlap = 0.2;   ///< largest fraction of any item's box that another item's box may cover
    double noise = 0.05;        ///< standard deviation of the Gaussian pixel noise
};

/// One composed scene: a gray image and its label mask, both size × size.
struct Scene {
    Image8 image;  ///< gray, 0..255
    Image8 mask;   ///< one label per pixel: 0 background, class + 1 under an item
};

/// Number of classes in a scene's mask: background plus Fashion-MNIST's ten.
inline constexpr int kSceneClasses = 11;

/// Composes one scene: a textured background (Perlin noise, from stb_perlin) with
/// options.min_items to options.max_items items of @p items ((N, 1, 28, 28) in [0, 1],
/// drawn uniformly) pasted at random places and scales, later items on top, then Gaussian
/// noise over everything. A pixel belongs to an item where the item's resampled intensity
/// exceeds 0.2, which the texture (in [0.02, 0.14]) never does. A placement is accepted only if the new box covers at most
/// options.max_overlap of each earlier box and earlier boxes cover at most that fraction of
/// it; after 100 placements tried in all the scene keeps the items it has. Deterministic
/// given @p rng's state. Throws std::invalid_argument for inconsistent @p options.
/// @param items the Fashion-MNIST images and labels to draw items from
/// @param options how scenes are composed
/// @param rng the random source of every choice
/// @return the scene's image and mask
Scene compose_scene(const ImageDataset& items, const SceneOptions& options, Rng& rng);

/// Writes @p count scenes composed from @p items into `dir/images/NNNNN.png` and
/// `dir/masks/NNNNN.png`, drawing from Rng(@p seed). The folder is built under a temporary
/// name and renamed into place when complete, so an interrupted run leaves no half
/// dataset. @p progress (may be empty) is called after each scene with the count so far.
/// @param dir the folder to make; one already there is replaced
/// @param items the Fashion-MNIST images and labels to draw items from
/// @param count how many scenes to write
/// @param options how scenes are composed
/// @param seed the seed of the scenes
/// @param progress called with the number of scenes written so far, or empty
void write_scene_folder(const std::string& dir, const ImageDataset& items, std::size_t count, const SceneOptions& options,
                        std::uint64_t seed, const std::function<void(std::size_t)>& progress = {});

/// How many scenes each split of the dataset holds.
struct SceneSplitSizes {
    std::size_t train = 8000;       ///< items from 50,000 of Fashion-MNIST's training images
    std::size_t validation = 500;   ///< items from the other 10,000 training images
    std::size_t test = 1000;        ///< items from Fashion-MNIST's test images only
};

/// Which of @p count Fashion-MNIST training images the training scenes may use and which
/// the validation scenes may: a seeded permutation cut at one sixth (10,000 of 60,000 for
/// validation). The two lists are disjoint and together hold every index once.
struct SceneItemSplit {
    std::vector<std::size_t> train;       ///< indices for the training scenes' items
    std::vector<std::size_t> validation;  ///< indices for the validation scenes' items
};
/// @brief See SceneItemSplit.
/// @param count how many training images there are (60,000 for Fashion-MNIST)
/// @param seed the seed of the permutation
/// @return the indices for the training scenes and, count / 6 of them, for the validation scenes
SceneItemSplit split_scene_items(std::size_t count, std::uint64_t seed);

/// The dataset's default folder: $BOOK_DATASETS_DIR/fashion-scenes (the `book` script sets
/// it to the repository's datasets/ folder), else datasets/fashion-scenes.
/// @return the folder's path
std::string default_scenes_dir();

/// Makes `dir/train`, `dir/val` and `dir/test` (each with images/ and masks/) from the
/// Fashion-MNIST files in @p fashion_mnist_dir, and then `dir/scenes.txt`, which records
/// the sizes, seed and options. Does nothing if scenes.txt already records the same;
/// throws std::runtime_error naming the folder if it records something else. The
/// training items are five sixths (50,000) of Fashion-MNIST's training images, chosen by
/// Rng(@p seed), the validation items the other sixth, the test items its test images: no item is
/// seen in two splits. Progress goes to @p log (may be null).
/// @param dir the dataset's folder
/// @param fashion_mnist_dir the folder of Fashion-MNIST's IDX files
/// @param sizes how many scenes each split holds
/// @param seed the seed of the item split and of the scenes
/// @param options how scenes are composed
/// @param log where progress is written, or nullptr for silence
void make_fashion_scenes(const std::string& dir, const std::string& fashion_mnist_dir, const SceneSplitSizes& sizes, std::uint64_t seed,
                         const SceneOptions& options, std::ostream* log);

}  // namespace dl

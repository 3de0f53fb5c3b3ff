#include "dl/data/fashion_scenes.hpp"

#define STB_PERLIN_IMPLEMENTATION
#include <stb/stb_perlin.h>

#include "dl/data/fashion_mnist.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace dl {

namespace {

// Raised whenever compose_scene() changes what it draws, so that a folder made by an
// older version is refused rather than silently reused.
constexpr int kSceneGeneratorVersion = 3;

// An item covers a pixel where its intensity exceeds this: brighter than any texture pixel.
constexpr float kItemThreshold = 0.2f;

struct Box {
    int x, y, side;
};

int overlap_area(const Box& a, const Box& b) {
    const int w = std::min(a.x + a.side, b.x + b.side) - std::max(a.x, b.x);
    const int h = std::min(a.y + a.side, b.y + b.side) - std::max(a.y, b.y);
    return w > 0 && h > 0 ? w * h : 0;
}

// A 28×28 item (values in [0, 1]) resampled bilinearly to side × side.
std::vector<float> resample(const float* item, int side) {
    std::vector<float> out(std::size_t(side) * side);  // (side, side)
    const float step = 28.0f / float(side);
    for (int r = 0; r < side; ++r) {
        for (int c = 0; c < side; ++c) {
            // Pixel centres map to pixel centres; clamp at the border.
            const float y = std::clamp((float(r) + 0.5f) * step - 0.5f, 0.0f, 27.0f), x = std::clamp((float(c) + 0.5f) * step - 0.5f, 0.0f, 27.0f);
            const int y0 = std::min(int(y), 26), x0 = std::min(int(x), 26);
            const float fy = y - float(y0), fx = x - float(x0);
            const float* p = item + y0 * 28 + x0;
            out[std::size_t(r) * side + c] = (1 - fy) * ((1 - fx) * p[0] + fx * p[1]) + fy * ((1 - fx) * p[28] + fx * p[29]);
        }
    }
    return out;
}

// A smooth random texture in [0.02, 0.14]: four octaves of Perlin noise. It stays below
// kItemThreshold, so that every pixel the mask gives to an item is one the image shows.
void paint_background(std::vector<float>& canvas, int size, Rng& rng) {
    const float z = float(rng.uniform(0, 256)), dx = float(rng.uniform(0, 256)), dy = float(rng.uniform(0, 256));
    const float frequency = float(rng.uniform(1.0 / 24, 1.0 / 8));  // features 8 to 24 pixels wide
    for (int r = 0; r < size; ++r) {
        for (int c = 0; c < size; ++c) {
            const float n = stb_perlin_fbm_noise3(dx + float(c) * frequency, dy + float(r) * frequency, z, 2.0f, 0.5f, 4);
            canvas[std::size_t(r) * size + c] = 0.08f + 0.06f * std::clamp(n, -1.0f, 1.0f);
        }
    }
}

void check_options(const SceneOptions& o) {
    const auto refuse = [](const std::string& what) { throw std::invalid_argument("SceneOptions: " + what); };
    if (o.size < 1) refuse("size must be positive, got " + std::to_string(o.size));
    if (o.min_items < 1 || o.min_items > o.max_items) refuse("need 1 <= min_items <= max_items, got " + std::to_string(o.min_items) + " and " + std::to_string(o.max_items));
    if (o.min_scale <= 0 || o.min_scale > o.max_scale) refuse("need 0 < min_scale <= max_scale, got " + std::to_string(o.min_scale) + " and " + std::to_string(o.max_scale));
    if (o.max_overlap < 0 || o.max_overlap > 1) refuse("max_overlap must be in [0, 1], got " + std::to_string(o.max_overlap));
    if (o.noise < 0) refuse("noise must be non-negative, got " + std::to_string(o.noise));
}

}  // namespace

Scene compose_scene(const ImageDataset& items, const SceneOptions& options, Rng& rng) {
    if (items.size() == 0 || items.images.dimension() != 4 || items.images.shape(2) != 28 || items.images.shape(3) != 28) {
        throw std::invalid_argument("compose_scene: needs 28x28 items, got " + shape_string(shape_of(items.images)));
    }
    check_options(options);
    const int size = options.size;
    std::vector<float> canvas(std::size_t(size) * size);  // (size, size) in [0, 1]
    std::vector<std::uint8_t> mask(canvas.size(), 0);     // (size, size) labels
    paint_background(canvas, size, rng);
    const int wanted = options.min_items + int(rng.index(std::size_t(options.max_items - options.min_items + 1)));
    std::vector<Box> placed;
    //! [compose_scene]
    for (int tries = 0; int(placed.size()) < wanted && tries < 100; ++tries) {
        const int side = std::min(size, int(std::lround(28.0 * rng.uniform(options.min_scale, options.max_scale))));
        const Box box{int(rng.index(std::size_t(size - side + 1))), int(rng.index(std::size_t(size - side + 1))), side};
        // Neither may this item be hidden much by the earlier ones, nor hide much of any of them.
        int covered = 0;
        bool hides = false;
        for (const Box& other : placed) {
            const int shared = overlap_area(box, other);
            covered += shared;
            hides = hides || shared > options.max_overlap * other.side * other.side;
        }
        if (hides || covered > options.max_overlap * side * side) continue;  // try elsewhere
        const std::size_t pick = rng.index(items.size());
        const std::vector<float> item = resample(items.images.data() + pick * 28 * 28, side);  // (side, side)
        for (int r = 0; r < side; ++r) {
            for (int c = 0; c < side; ++c) {
                const float value = item[std::size_t(r) * side + c];
                if (value <= kItemThreshold) continue;  // too dark to tell from the texture: keep the scene's
                const std::size_t at = std::size_t(box.y + r) * size + std::size_t(box.x + c);
                canvas[at] = value;
                mask[at] = std::uint8_t(items.labels[pick] + 1);
            }
        }
        placed.push_back(box);
    }
    //! [compose_scene]
    Scene scene{{size, size, 1, {}}, {size, size, 1, mask}};
    scene.image.pixels.resize(canvas.size());
    for (std::size_t i = 0; i < canvas.size(); ++i) {
        const double noisy = canvas[i] + rng.normal(0, options.noise);
        scene.image.pixels[i] = std::uint8_t(std::lround(std::clamp(noisy, 0.0, 1.0) * 255));
    }
    return scene;
}

void write_scene_folder(const std::string& dir, const ImageDataset& items, std::size_t count, const SceneOptions& options, std::uint64_t seed,
                        const std::function<void(std::size_t)>& progress) {
    namespace fs = std::filesystem;
    const fs::path final_dir(dir), partial = fs::path(dir + ".partial");
    fs::remove_all(partial);
    fs::create_directories(partial / "images");
    fs::create_directories(partial / "masks");
    Rng rng(seed);
    char name[32];
    for (std::size_t i = 0; i < count; ++i) {
        const Scene scene = compose_scene(items, options, rng);
        std::snprintf(name, sizeof name, "%05zu.png", i);
        write_png((partial / "images" / name).string(), scene.image, false);
        write_png((partial / "masks" / name).string(), scene.mask, false);
        if (progress) progress(i + 1);
    }
    std::error_code error;
    fs::remove_all(final_dir, error);
    fs::rename(partial, final_dir, error);
    if (error) throw std::runtime_error(dir + ": could not move the finished scenes into place (" + error.message() + ")");
}

namespace {

std::string manifest_text(const SceneSplitSizes& sizes, std::uint64_t seed, const SceneOptions& o) {
    std::ostringstream text;
    text << "# Fashion scenes, made by dl::make_fashion_scenes (chapter 5). Delete the folder to remake it.\n"
         << "generator " << kSceneGeneratorVersion << "\ntrain " << sizes.train << "\nval " << sizes.validation << "\ntest " << sizes.test << "\nseed " << seed << "\nsize " << o.size
         << "\nitems " << o.min_items << "-" << o.max_items << "\nscale " << o.min_scale << "-" << o.max_scale << "\nmax_overlap "
         << o.max_overlap << "\nnoise " << o.noise << "\n";
    return text.str();
}

void write_split(const std::string& dir, const ImageDataset& items, std::size_t count, const SceneOptions& options, std::uint64_t seed,
                 std::ostream* log) {
    write_scene_folder(dir, items, count, options, seed, [&](std::size_t done) {
        if (log != nullptr && (done % 250 == 0 || done == count)) *log << "\r  " << dir << ": " << done << "/" << count << " scenes" << std::flush;
    });
    if (log != nullptr) *log << "\n";
}

}  // namespace

SceneItemSplit split_scene_items(std::size_t count, std::uint64_t seed) {
    const std::vector<std::size_t> order = Rng(seed).permutation(count);
    const std::size_t validation_items = count / 6;  // 10,000 of 60,000
    return {std::vector<std::size_t>(order.begin() + long(validation_items), order.end()),
            std::vector<std::size_t>(order.begin(), order.begin() + long(validation_items))};
}

std::string default_scenes_dir() {
    const char* root = std::getenv("BOOK_DATASETS_DIR");
    return (root != nullptr && *root != '\0' ? std::string(root) : std::string("datasets")) + "/fashion-scenes";
}

void make_fashion_scenes(const std::string& dir, const std::string& fashion_mnist_dir, const SceneSplitSizes& sizes, std::uint64_t seed,
                         const SceneOptions& options, std::ostream* log) {
    const std::string manifest_path = dir + "/scenes.txt", wanted = manifest_text(sizes, seed, options);
    if (std::ifstream existing{manifest_path}) {
        const std::string found((std::istreambuf_iterator<char>(existing)), std::istreambuf_iterator<char>());
        if (found == wanted) return;
        throw std::runtime_error(manifest_path + ": these scenes were made with other settings:\n" + found + "delete " + dir +
                                 " to remake it with the settings asked for, or point at another folder");
    }
    if (log != nullptr) *log << "Making the Fashion-scenes dataset in " << dir << " (once; later runs reuse it)\n";
    const ImageDataset train_items = load_fashion_mnist(fashion_mnist_dir, true), test_items = load_fashion_mnist(fashion_mnist_dir, false);
    const SceneItemSplit items = split_scene_items(train_items.size(), seed);
    const ImageDataset scene_train = select(train_items, items.train), scene_validation = select(train_items, items.validation);
    // Different seeds per split, so that changing one split's size leaves the others unchanged.
    write_split(dir + "/train", scene_train, sizes.train, options, seed * 3 + 1, log);
    write_split(dir + "/val", scene_validation, sizes.validation, options, seed * 3 + 2, log);
    write_split(dir + "/test", test_items, sizes.test, options, seed * 3 + 3, log);
    const std::string partial = manifest_path + ".partial";
    std::ofstream out(partial);
    out << wanted;
    out.close();
    if (!out) throw std::runtime_error(partial + ": could not write the dataset's description (disk full?)");
    std::filesystem::rename(partial, manifest_path);
}

}  // namespace dl

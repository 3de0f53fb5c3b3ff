#include "dl/data/photo_to_fashion.hpp"

#include "dl/io/image_resize.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace dl {

namespace {

constexpr int kSide = 28;            // Fashion-MNIST's images are 28×28
constexpr int kDigitBox = 20;        // MNIST's digits fit a 20×20 box
constexpr int kLeastContrast = 16;   // gray levels an object must stand out by

// The average gray of the one-pixel frame around @p gray (1 channel).
double border_mean(const Image8& gray) {
    double sum = 0;
    long count = 0;
    for (int y = 0; y < gray.height; ++y)
        for (int x = 0; x < gray.width; ++x) {
            if (y != 0 && y != gray.height - 1 && x != 0 && x != gray.width - 1) continue;
            sum += gray.pixels[std::size_t(y) * gray.width + x];
            ++count;
        }
    return sum / double(count);
}

// Sets @p box to the smallest box holding every pixel of @p gray above @p threshold (at least one is).
void bounding_box(const Image8& gray, int threshold, PhotoPreparation& box) {
    int left = gray.width, top = gray.height, right = -1, bottom = -1;
    for (int y = 0; y < gray.height; ++y)
        for (int x = 0; x < gray.width; ++x) {
            if (gray.pixels[std::size_t(y) * gray.width + x] <= threshold) continue;
            left = std::min(left, x), right = std::max(right, x);
            top = std::min(top, y), bottom = std::max(bottom, y);
        }
    box.crop_x = left, box.crop_y = top, box.crop_width = right - left + 1, box.crop_height = bottom - top + 1;
}

// The part of @p gray inside @p box, with @p background taken off every pixel (at least 0).
Image8 crop_above(const Image8& gray, const PhotoPreparation& box, int background) {
    Image8 crop{box.crop_width, box.crop_height, 1, std::vector<std::uint8_t>(std::size_t(box.crop_width) * box.crop_height), 8};
    for (int y = 0; y < box.crop_height; ++y)
        for (int x = 0; x < box.crop_width; ++x) {
            const int value = gray.pixels[std::size_t(box.crop_y + y) * gray.width + box.crop_x + x];
            crop.pixels[std::size_t(y) * box.crop_width + x] = std::uint8_t(std::max(0, value - background));
        }
    return crop;
}

// @p crop scaled so its longer side is @p box pixels, keeping its aspect ratio.
Image8 fit_into(const Image8& crop, int box) {
    const double scale = double(box) / double(std::max(crop.width, crop.height));
    const int width = std::clamp(int(std::lround(crop.width * scale)), 1, box);
    const int height = std::clamp(int(std::lround(crop.height * scale)), 1, box);
    return resize_image(crop, width, height);
}

// @p tile drawn on a black 28×28 image with its top-left corner at (@p left, @p top), kept inside.
Image8 place_on_black(const Image8& tile, int left, int top) {
    left = std::clamp(left, 0, kSide - tile.width), top = std::clamp(top, 0, kSide - tile.height);
    Image8 out{kSide, kSide, 1, std::vector<std::uint8_t>(std::size_t(kSide) * kSide, 0), 8};
    for (int y = 0; y < tile.height; ++y)
        std::copy_n(tile.pixels.begin() + std::ptrdiff_t(y) * tile.width, tile.width, out.pixels.begin() + std::ptrdiff_t(top + y) * kSide + left);
    return out;
}

// The brightness-weighted mean column and row of @p image (its centre if it is all black).
void centre_of_mass(const Image8& image, double& x, double& y) {
    double total = 0, sum_x = 0, sum_y = 0;
    for (int r = 0; r < image.height; ++r)
        for (int c = 0; c < image.width; ++c) {
            const double v = image.pixels[std::size_t(r) * image.width + c];
            total += v, sum_x += v * c, sum_y += v * r;
        }
    x = total > 0 ? sum_x / total : (image.width - 1) / 2.0;
    y = total > 0 ? sum_y / total : (image.height - 1) / 2.0;
}

// Steps 1-4 of both preparations: gray, a light background inverted, the object found,
// cropped and its background taken off. @p caller names the function in errors.
PhotoPreparation crop_object(const Image8& photo, const std::string& caller) {
    if (photo.width < 1 || photo.height < 1) throw std::invalid_argument(caller + ": the image is empty");
    PhotoPreparation result;
    Image8 gray = to_gray(photo);
    result.inverted = border_mean(gray) > 127.5;
    if (result.inverted) {
        for (std::uint8_t& value : gray.pixels) value = std::uint8_t(255 - value);
    }
    const int background = int(std::lround(border_mean(gray)));
    const int brightest = *std::max_element(gray.pixels.begin(), gray.pixels.end());
    if (brightest - background < kLeastContrast) {
        throw std::invalid_argument(caller + ": nothing in the " + std::to_string(photo.width) + "x" + std::to_string(photo.height) +
                                    " image stands out from its background (" + std::to_string(brightest - background) + " gray levels at most; " +
                                    std::to_string(kLeastContrast) + " needed): is there an object in it?");
    }
    const int threshold = background + (brightest - background) / 4;
    bounding_box(gray, threshold, result);  // the brightest pixel is above the threshold
    result.image = crop_above(gray, result, background);
    return result;
}

}  // namespace

PhotoPreparation prepare_like_fashion_mnist(const Image8& photo) {
    PhotoPreparation result = crop_object(photo, "prepare_like_fashion_mnist");
    const Image8 scaled = fit_into(result.image, kSide);
    result.image = place_on_black(scaled, (kSide - scaled.width) / 2, (kSide - scaled.height) / 2);
    return result;
}

PhotoPreparation prepare_like_mnist_digit(const Image8& photo) {
    PhotoPreparation result = crop_object(photo, "prepare_like_mnist_digit");
    const Image8 scaled = fit_into(result.image, kDigitBox);
    double x = 0, y = 0;
    centre_of_mass(scaled, x, y);
    result.image = place_on_black(scaled, int(std::lround(kSide / 2.0 - 0.5 - x)), int(std::lround(kSide / 2.0 - 0.5 - y)));
    return result;
}

PhotoPreparation prepare_like_scene(const Image8& photo, int side, int background) {
    if (photo.width < 1 || photo.height < 1) throw std::invalid_argument("prepare_like_scene: the image is empty");
    if (side < 1) throw std::invalid_argument("prepare_like_scene: the side must be positive, got " + std::to_string(side));
    PhotoPreparation result;
    Image8 gray = to_gray(photo);
    result.inverted = border_mean(gray) > 127.5;
    if (result.inverted) {
        for (std::uint8_t& value : gray.pixels) value = std::uint8_t(255 - value);
    }
    const int shift = background - int(std::lround(border_mean(gray)));
    for (std::uint8_t& value : gray.pixels) value = std::uint8_t(std::clamp(int(value) + shift, 0, 255));
    result.crop_width = gray.width, result.crop_height = gray.height;
    const double scale = double(side) / double(std::max(gray.width, gray.height));
    const Image8 scaled = resize_image(gray, std::clamp(int(std::lround(gray.width * scale)), 1, side), std::clamp(int(std::lround(gray.height * scale)), 1, side));
    result.image = Image8{side, side, 1, std::vector<std::uint8_t>(std::size_t(side) * std::size_t(side), std::uint8_t(std::clamp(background, 0, 255))), 8};
    const int left = (side - scaled.width) / 2, top = (side - scaled.height) / 2;
    for (int y = 0; y < scaled.height; ++y)
        std::copy_n(scaled.pixels.begin() + std::ptrdiff_t(y) * scaled.width, scaled.width, result.image.pixels.begin() + std::ptrdiff_t(top + y) * side + left);
    return result;
}

}  // namespace dl

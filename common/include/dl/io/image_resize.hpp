/// @file image_resize.hpp
/// @brief Bringing any image to the gray or colour, width and height a model expects.
#pragma once

#include "dl/io/png.hpp"

namespace dl {

/// @p image with one channel: a gray image is returned as is; a colour one is reduced with
/// the ITU-R BT.601 luma weights, 0.299 R + 0.587 G + 0.114 B.
/// @param image a gray or colour image
/// @return the gray image
Image8 to_gray(const Image8& image);

/// @p image with three channels: a colour image is returned as is; a gray one is copied
/// into R, G and B.
/// @param image a gray or colour image
/// @return the colour image
Image8 to_rgb(const Image8& image);

/// @p image resized to @p width × @p height.
///
/// While the image is at least twice the target size in both directions it is halved by
/// averaging 2×2 blocks (so that a large photo does not alias into noise), then the rest
/// is done by bilinear interpolation with pixel centres aligned: target pixel x samples
/// the source at (x + ½)·(source width / width) − ½, clamped to the image.
/// Throws std::invalid_argument for a non-positive size.
/// @param image any image
/// @param width the target's columns
/// @param height the target's rows
/// @return the resized image, with the channels of @p image
Image8 resize_image(const Image8& image, int width, int height);

}  // namespace dl

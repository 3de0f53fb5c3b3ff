/// @file photo_to_fashion.hpp
/// @brief Making a photo of one object look like a Fashion-MNIST image (or a handwritten
/// digit like an MNIST one) before a model sees it.
///
/// A Fashion-MNIST image is a light object on a black background, 28×28, the object
/// centred and filling the frame along its longer side. A photo of a shirt is usually the
/// opposite: a dark object on a light background, off centre, in a large frame. A model
/// trained on the first kind gives the second kind a confident, wrong answer; these steps
/// bring a photo closer to what the model was trained on.
#pragma once

#include "dl/io/png.hpp"

namespace dl {

/// What prepare_like_fashion_mnist() did to a photo, besides the 28×28 result.
struct PhotoPreparation {
    Image8 image;           ///< 28×28 gray: the object light on black, centred, as in the dataset
    bool inverted = false;  ///< whether the photo's background was light, so its grays were inverted
    int crop_x = 0;         ///< the object's bounding box in the photo: first column
    int crop_y = 0;         ///< first row
    int crop_width = 0;     ///< columns
    int crop_height = 0;    ///< rows
};

/// Brings @p photo to Fashion-MNIST's form:
///  1. gray (ITU-R BT.601 luma, as to_gray());
///  2. if the photo's border is light on average, inverts it, so the background is dark;
///  3. finds the object: the pixels brighter than the background (the border's average) by
///     at least a quarter of the way to the brightest pixel, and their bounding box;
///  4. crops to that box, takes the background level off every pixel (so the background is 0);
///  5. scales the crop so its longer side is 28 pixels, keeping its aspect ratio, and centres
///     it on a black 28×28 image.
/// The training normalization (mean and standard deviation) is left to the caller, as for
/// the dataset's own images.
/// Throws std::invalid_argument if the photo has no object: nothing stands out from its
/// background by at least 16 gray levels.
/// @param photo any gray or colour image
/// @return the 28×28 image and what was done to get it
PhotoPreparation prepare_like_fashion_mnist(const Image8& photo);

/// Brings @p photo of one handwritten digit to MNIST's form (LeCun et al., 1998): steps 1-4
/// of prepare_like_fashion_mnist(), then the crop scaled so its longer side is 20 pixels,
/// keeping its aspect ratio, and placed on a black 28×28 image so that its centre of mass
/// (brightness-weighted) falls on the image's centre, kept inside the frame.
/// Throws std::invalid_argument if the photo has no object, as prepare_like_fashion_mnist().
/// @param photo any gray or colour image of one digit
/// @return the 28×28 image and what was done to get it
PhotoPreparation prepare_like_mnist_digit(const Image8& photo);

/// Brings a photo of several objects on a plain background to the form of chapter 5's
/// Fashion scenes (light items on a dark, faintly textured background, @p side × @p side):
/// gray; inverted if its border is light on average; shifted so the border's mean gray
/// becomes @p background (each pixel v ↦ v − border mean + background, kept in 0-255);
/// scaled so its longer side is @p side, keeping the aspect ratio; centred on a
/// @p side × @p side image of gray @p background. Nothing is cropped: the crop fields
/// describe the whole photo.
/// Throws std::invalid_argument for an empty image or a @p side below 1.
/// @param photo any gray or colour image
/// @param side the scenes' side (64 for the book's)
/// @param background the scenes' background gray (about 20: the texture's 0.02-0.14 of 255)
/// @return the side × side image and what was done to get it
PhotoPreparation prepare_like_scene(const Image8& photo, int side, int background);

}  // namespace dl

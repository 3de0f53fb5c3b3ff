/// @file heat_map.hpp
/// @brief Drawing an explanation's map over the image it explains.
#pragma once

#include <cstdint>
#include <vector>

namespace dl {

/// @brief @p map (height × width) enlarged to side × side by repeating each value (nearest
/// neighbour: a 7×7 Grad-CAM map becomes blocks of 4×4 on a 28×28 image), and scaled to 0-1
/// by its largest value (all 0 if that is not above 0).
/// @param map (height·width) values, row-major
/// @param height the map's rows
/// @param width the map's columns
/// @param side the image's side
/// @return (side·side) values in 0-1
std::vector<float> unit_heat_map(const std::vector<float>& map, int height, int width, int side);

/// @brief The square gray @p image, dimmed to half, with @p heat (0-1) added to its red
/// channel: a map drawn over the image it explains.
/// @param image (side·side) gray values 0-255
/// @param heat (side·side) values 0-1
/// @return (3, side, side) red, green and blue planes, 0-1
std::vector<float> heat_overlay(const std::vector<std::uint8_t>& image, const std::vector<float>& heat);

/// @brief As heat_overlay(), for an image of floats stretched from its own minimum (black)
/// to its maximum (white), such as a normalized network input.
/// @param image (side·side) values of any range
/// @param heat (side·side) values 0-1
/// @return (3, side, side) red, green and blue planes, 0-1
std::vector<float> heat_overlay(const std::vector<float>& image, const std::vector<float>& heat);

}  // namespace dl

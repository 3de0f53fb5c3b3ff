/// @file image_grid.hpp
/// @brief A sheet of small images in rows and columns, each with an optional caption.
#pragma once

#include "dl/io/png.hpp"

#include <string>

namespace dl {

/// Tiles images into a grid for a PNG: learned filters, misclassified examples, predictions.
///
/// Each tile is scaled up by whole pixels (nearest neighbour) to fill its cell and
/// stretched so its own minimum is black and maximum white. Captions are drawn in a
/// built-in 3×5 pixel font (digits, capital letters and `: > - / .`), up to two lines.
class ImageGrid {
public:
    /// A grid of @p rows × @p cols cells of @p cell × @p cell pixels, with room for
    /// @p caption_lines lines of text under each cell.
    /// @param rows rows of cells
    /// @param cols columns of cells
    /// @param cell the side of a cell in pixels
    /// @param caption_lines lines of caption under each cell (0: no captions)
    ImageGrid(int rows, int cols, int cell, int caption_lines = 0);

    /// Draws the (@p height, @p width) grayscale values @p values into cell @p index
    /// (row-major), with @p caption under it ("\n" separates lines; each line is cut to
    /// the cell's width). Throws if the tile is larger than a cell, or if a caption is
    /// given to a grid built without caption lines.
    /// @param index the cell, row-major from 0
    /// @param values (height, width), row-major
    /// @param height the tile's rows, at most the cell's side
    /// @param width the tile's columns, at most the cell's side
    /// @param caption the text under the cell, or "" for none
    void place(int index, const float* values, int height, int width, const std::string& caption = "");

    /// @brief Like place(), with three channel planes (3, height, width) shown in colour.
    /// @param index the cell, row-major from 0
    /// @param planes (3, height, width): the red, green and blue planes
    /// @param height the tile's rows, at most the cell's side
    /// @param width the tile's columns, at most the cell's side
    /// @param caption the text under the cell, or "" for none
    void place_rgb(int index, const float* planes, int height, int width, const std::string& caption = "");

    /// @brief The finished sheet.
    /// @return the sheet, an RGB image
    const Image8& image() const { return sheet_; }

    /// @brief Writes the sheet as a PNG.
    /// @param path the file to write
    void write(const std::string& path) const { write_png(path, sheet_); }

private:
    void draw_tile(int index, const float* planes, int planes_count, int height, int width);
    void draw_caption(int index, const std::string& caption);
    void draw_text(int x, int y, const std::string& text);
    int rows_, cols_, cell_, caption_h_;
    Image8 sheet_;  // (rows·(cell + caption + gap), cols·(cell + gap), 3)
};

}  // namespace dl

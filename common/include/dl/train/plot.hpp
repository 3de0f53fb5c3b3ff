/// @file plot.hpp
/// @brief Line plots as PNG files, drawn by gnuplot, and the way to run gnuplot.
#pragma once

#include <string>
#include <vector>

namespace dl {

/// One named curve of (x, y) points.
struct Series {
    std::string name;       ///< Legend entry.
    std::vector<double> x;  ///< Abscissae.
    std::vector<double> y;  ///< Ordinates, one per x.
};

/// Layout options for plot_lines().
struct PlotOptions {
    std::string title;          ///< Printed above the plot.
    std::string x_label;        ///< Horizontal axis label.
    std::string y_label;        ///< Vertical axis label.
    bool log_x = false;         ///< Logarithmic horizontal axis (e.g. learning rates).
    bool points = true;         ///< Mark each point as well as joining them.
    bool log_y = false;         ///< Logarithmic vertical axis (e.g. gradient norms).
};

/// Draws @p series into the PNG file @p png_path.
///
/// Returns false, after printing a one-line notice, if gnuplot is not installed or fails:
/// a missing plot never stops a training run.
/// @param png_path the file to write
/// @param series the curves; empty ones are left out
/// @param options title, axis labels and scales
/// @return true if the PNG was drawn; false without gnuplot, on its failure, or with no points
bool plot_lines(const std::string& png_path, const std::vector<Series>& series, const PlotOptions& options);

/// Runs the gnuplot @p script, which writes @p png_path (the script is left beside it as
/// png_path + ".gp", with gnuplot's messages in png_path + ".log", only if gnuplot fails).
/// Returns false, after printing a one-line notice, if gnuplot is not installed or fails.
/// @param png_path the PNG the script writes
/// @param script the gnuplot commands
/// @return true if gnuplot succeeded
bool run_gnuplot(const std::string& png_path, const std::string& script);

/// @brief @p text as a gnuplot string: single-quoted, with each quote doubled.
/// @param text any text
/// @return the quoted string
std::string gnuplot_quoted(const std::string& text);

}  // namespace dl

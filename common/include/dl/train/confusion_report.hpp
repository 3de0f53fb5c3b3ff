/// @file confusion_report.hpp
/// @brief Where a classifier goes wrong, as a text table and as a heat map.
#pragma once

#include "dl/metrics/confusion_matrix.hpp"

#include <string>
#include <vector>

namespace dl {

/// Draws @p confusion as a heat map into the PNG @p png_path with gnuplot: true classes in
/// rows, predictions in columns, each cell coloured by its share of its row (so a class's
/// recall is its diagonal cell, and each mistake's colour says how often that class is
/// taken for the other) and labelled with its count.
/// Returns false, after a one-line notice, if gnuplot is not installed or fails.
/// @param png_path the file to write
/// @param confusion the counts
/// @param class_names the classes' names, in order
/// @param title printed above the map
/// @return true if the PNG was drawn
bool plot_confusion(const std::string& png_path, const ConfusionMatrix& confusion, const std::vector<std::string>& class_names, const std::string& title);

/// Counts @p predictions against @p labels, prints the matrix as a table under a heading
/// that gives the number of images, and draws it (plot_confusion()) into @p png_path.
/// @param predictions (N) predicted classes
/// @param labels (N) true classes
/// @param class_names the K classes' names
/// @param png_path the heat map's file
/// @param title printed above the heat map
/// @return the matrix
ConfusionMatrix report_confusion(const std::vector<int>& predictions, const std::vector<int>& labels, const std::vector<std::string>& class_names,
                                 const std::string& png_path, const std::string& title);

}  // namespace dl

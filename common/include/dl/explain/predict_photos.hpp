/// @file predict_photos.hpp
/// @brief `--predict IMAGE...` for every classification chapter: the flags, the choice of
/// checkpoint, and the loop that prints each photo's top classes and saves its panel.
#pragma once

#include "dl/explain/photo_prediction.hpp"

#include <set>
#include <string>
#include <vector>

namespace CLI {
class App;  // CLI11, included only by predict_photos.cpp and the chapter programs
}

namespace dl {

/// What the reader asked --predict to do.
struct PredictRequest {
    std::vector<std::string> images;  ///< --predict: the photos ("" = no prediction asked)
    std::string checkpoint;           ///< --checkpoint: the trained model ("" = the chapter's default)
    std::string explain;              ///< --class: the class the maps explain ("" = each photo's most probable)
    /// @brief Whether --predict was given.
    /// @return true if there are images to classify
    bool wanted() const { return !images.empty(); }
};

/// Adds --predict IMAGE..., --class NAME and --checkpoint FILE to @p app, bound to @p request.
/// @param app the chapter program's command line
/// @param request receives the values given
/// @param default_checkpoint how --help describes the checkpoint used without --checkpoint
void add_predict_flags(CLI::App& app, PredictRequest& request, const std::string& default_checkpoint);

/// Throws std::invalid_argument, naming the flag, if --class or --checkpoint came without
/// --predict, or if --predict came with a flag that only training reads (@p training_flags
/// given on @p app's command line).
/// @param app the parsed command line
/// @param request what it asked for
/// @param training_flags flags that choose what is trained and cannot go with --predict
void check_predict_flags(const CLI::App& app, const PredictRequest& request, const std::vector<std::string>& training_flags);

/// The checkpoint --predict loads: --checkpoint if given, else @p trained if the reader's
/// main run wrote it, else @p shipped if the book ships one. Throws std::runtime_error
/// saying how to make one when there is none.
/// @param request what the reader asked for
/// @param trained the main run's checkpoint, e.g. runs/02_lenet/main/model.ckpt
/// @param shipped the checkpoint in the repository, or "" if the chapter ships none
/// @param how_to_train the command that makes @p trained and how long it takes
/// @return the path to load
std::string predict_checkpoint(const PredictRequest& request, const std::string& trained, const std::string& shipped, const std::string& how_to_train);

/// @brief The file name of @p image's panel: its name with ".png" for its extension, or with
/// "_jpg.png" and the like for other formats; "-2", "-3"... if an image before it in
/// @p taken had the name.
/// @param image the image's path
/// @param taken the names given so far; receives this one
/// @return e.g. "shirt.png", "shirt_jpg.png", "shirt-2.png"
std::string panel_name(const std::string& image, std::set<std::string>& taken);

/// For each of request.images: reads it (PNG, JPEG, BMP, GIF), predicts (predict_photo()),
/// prints its three most probable classes and what the preparation did, and saves its panel
/// (save_prediction_panel()) in @p out_dir as NAME.png, NAME being the image's file name
/// without its extension (NAME_jpg.png and the like for other formats than PNG; NAME-2.png
/// for a second image of the same name), and, for a network with maps, the maps of each
/// of its stages (save_feature_maps()) as NAME_maps.png; then results.json, a list of each
/// image's top 3 classes and crop, and run.json (dl::RunDirectory). Throws, naming the file, for an image that cannot be read or has
/// no object, and, listing the classes, for a --class the classifier does not have.
/// @param classifier the trained network and its preparation
/// @param request the images and the class to explain
/// @param out_dir the folder for the panels (created if missing)
void predict_photos(const PhotoClassifier& classifier, const PredictRequest& request, const std::string& out_dir);

}  // namespace dl

#include "dl/explain/predict_photos.hpp"

#include "dl/explain/feature_maps.hpp"
#include "dl/explain/prediction_panel.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/cli_checks.hpp"
#include "dl/util/table.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <set>
#include <stdexcept>

namespace dl {

void add_predict_flags(CLI::App& app, PredictRequest& request, const std::string& default_checkpoint) {
    app.add_option("--predict", request.images, "instead of training: classify these images (PNG, JPEG, BMP, GIF; one object each) and show where the network looked")
        ->check(existing_file());
    app.add_option("--class", request.explain, "with --predict: the class the maps explain (default: each image's most probable class)");
    app.add_option("--checkpoint", request.checkpoint, "the trained model --predict uses (default: " + default_checkpoint + ")")->check(existing_file());
}

void check_predict_flags(const CLI::App& app, const PredictRequest& request, const std::vector<std::string>& training_flags) {
    if (!request.wanted()) {
        for (const char* flag : {"--class", "--checkpoint"})
            if (app.count(flag) > 0) throw std::invalid_argument(std::string(flag) + ": it goes with --predict IMAGE...; give that too");
        return;
    }
    for (const std::string& flag : training_flags)
        if (app.count(flag) > 0) throw std::invalid_argument("--predict classifies images with a trained model; it cannot be combined with " + flag);
}

std::string predict_checkpoint(const PredictRequest& request, const std::string& trained, const std::string& shipped, const std::string& how_to_train) {
    if (!request.checkpoint.empty()) return request.checkpoint;
    if (std::filesystem::exists(trained)) return trained;
    if (!shipped.empty()) return shipped;
    throw std::runtime_error("--predict needs a trained model and " + trained + " does not exist yet: train one with " + how_to_train + ", or pass --checkpoint FILE");
}

namespace {

std::string lower(std::string text) {
    for (char& c : text) c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// The index of the class named @p name (any case), -1 for "", or a refusal listing the classes.
int class_to_explain(const std::vector<std::string>& classes, const std::string& name) {
    if (name.empty()) return -1;
    for (std::size_t k = 0; k < classes.size(); ++k)
        if (lower(classes[k]) == lower(name)) return int(k);
    std::string list;
    for (const std::string& c : classes) list += (list.empty() ? "" : ", ") + c;
    throw std::invalid_argument("--class: '" + name + "' is not one of this model's classes (" + list + ")");
}

void print_prediction(const std::string& image, const PhotoPrediction& p, const std::vector<std::string>& classes) {
    const PhotoPreparation& prep = p.prepared;
    std::cout << "\n" << image << " (object at " << prep.crop_x << "," << prep.crop_y << ", " << prep.crop_width << "x" << prep.crop_height
              << (prep.inverted ? "; light background, inverted" : "") << ")\n";
    for (std::size_t rank = 0; rank < std::min<std::size_t>(3, p.ranked.size()); ++rank)
        std::cout << "  " << rank + 1 << ". " << classes.at(std::size_t(p.ranked[rank].label)) << "  " << fixed(p.ranked[rank].probability, 3) << "\n";
}

// The maps each stage of the network computes for the prepared input, if it has maps.
void save_stage_maps(const PhotoClassifier& classifier, const PhotoPrediction& p, const std::string& png_path) {
    const Tensor<float> x = network_input(classifier, p.prepared.image);  // (1, 1, 28, 28)
    const std::vector<FeatureStage> stages = feature_stages(classifier.layers, x);
    if (stages.empty()) return;
    save_feature_maps(png_path, x, stages);
    std::cout << "  what each stage of the network computed from it: " << png_path << "\n";
}

// One image's row of results.json: its file name, what the preparation did, the top 3.
nlohmann::json as_json(const std::string& image, const PhotoPrediction& p, const std::vector<std::string>& classes) {
    nlohmann::json top = nlohmann::json::array();
    for (std::size_t rank = 0; rank < std::min<std::size_t>(3, p.ranked.size()); ++rank)
        top.push_back({{"class", classes.at(std::size_t(p.ranked[rank].label))}, {"probability", p.ranked[rank].probability}});
    const PhotoPreparation& prep = p.prepared;
    return {{"image", std::filesystem::path(image).filename().string()}, {"inverted", prep.inverted},
            {"crop", {prep.crop_x, prep.crop_y, prep.crop_width, prep.crop_height}}, {"explained", classes.at(std::size_t(p.explained))}, {"top", top}};
}

}  // namespace

std::string panel_name(const std::string& image, std::set<std::string>& taken) {
    const std::filesystem::path path(image);
    std::string extension = lower(path.extension().string());
    std::string name = path.stem().string() + (extension.empty() || extension == ".png" ? "" : "_" + extension.substr(1));
    const std::string base = name;
    for (int copy = 2; !taken.insert(name).second; ++copy) name = base + "-" + std::to_string(copy);
    return name + ".png";
}

void predict_photos(const PhotoClassifier& classifier, const PredictRequest& request, const std::string& out_dir) {
    const int explain = class_to_explain(classifier.classes, request.explain);
    const RunDirectory run(out_dir);  // created, and run.json says how these predictions were made
    std::set<std::string> taken;
    nlohmann::json rows = nlohmann::json::array();
    for (const std::string& image : request.images) {
        const Image8 photo = read_png(image);
        PhotoPrediction p;
        try {
            p = predict_photo(classifier, photo, explain);
        } catch (const std::invalid_argument& error) {
            throw std::invalid_argument(image + ": " + error.what());
        }
        print_prediction(image, p, classifier.classes);
        const std::string panel = out_dir + "/" + panel_name(image, taken);
        save_prediction_panel(panel, photo, p, classifier.classes);
        std::cout << "  the image, the network's input, where it looked for " << classifier.classes.at(std::size_t(p.explained)) << ", and the top classes: " << panel << "\n";
        save_stage_maps(classifier, p, panel.substr(0, panel.size() - 4) + "_maps.png");
        rows.push_back(as_json(image, p, classifier.classes));
    }
    run.write("results.json", rows.dump(2) + "\n");
    std::cout << "\nresults.json (every image's top 3) in " << out_dir << "/\n";
}

}  // namespace dl

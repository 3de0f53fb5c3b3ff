// Chapter 6 — fine-tuning: chapter 4's ResNet-20, trained on clothes, learns handwritten
// digits from few labels. Cut at the global pool, a new head, freeze, unfreeze with
// discriminative learning rates.
//
//   ./book run 06                                  the main run (fine-tune on every training digit)
//   ./book run 06 --labels-per-class 10            the same with 10 labelled digits per class
//   ./book run 06 --method scratch                 the same network from random weights
//   ./book run 06 --data DIR                       your own folder: DIR/{train,val,test}/<class>/<image>
//   ./book run 06 --experiment labels              scratch vs head vs fine-tune at 10, 50, 100, all labels
//   ./book run 06 --experiment imbalance           cross-entropy vs focal loss with one rare class
//   ./book run 06 --predict digit.png              classify images of your own (after the main run)
//   ./book run 06 --help                           every flag
#include "finetune.hpp"

namespace {

/// The main run: the digits, chapter 4's network with a new head, its training, what it learned.
void run_main(const ch06::Settings& settings) {
    const dl::DataSplits splits = ch06::load_training_data(settings);
    std::unique_ptr<ch06::FinetuneNet> model = ch06::build_model(settings, settings.method, splits.train.class_names.size());
    ch06::print_plan(settings, splits, *model);
    const ch06::FinetuneOutcome outcome = ch06::train_by_method(*model, settings, splits);
    ch06::report_main_run(settings, splits, *model, outcome);
}

}  // namespace

int main(int argc, char** argv) {
    return dl::run_chapter<ch06::Settings>(
        argc, argv,
        {ch06::parse_command_line, run_main,
         [](const std::string& name, const ch06::Settings& s) { ch06::run_experiment(name, s, ch06::load_training_data(s)); }, ch06::run_predict});
}

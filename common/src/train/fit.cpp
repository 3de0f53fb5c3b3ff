#include "dl/train/fit.hpp"

#include "dl/losses/softmax_cross_entropy.hpp"
#include "dl/metrics/accuracy.hpp"
#include "dl/optim/gradient_clipping.hpp"
#include "dl/train/divergence_guard.hpp"
#include "dl/train/plot.hpp"
#include "dl/train/progress.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/table.hpp"
#include "dl/util/timer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace dl {

namespace {

/// The epoch table's header: the loop's columns, then one per extra metric of the task.
void print_epoch_header(const std::vector<Metric>& more) {
    std::printf("%5s  %9s  %10s  %9s  %8s  %7s", "epoch", "lr", "train loss", "train acc", "val loss", "val acc");
    for (const Metric& m : more) std::printf("  %*s", int(std::max<std::size_t>(8, m.name.size() + 4)), ("val " + m.name).c_str());
    std::printf("  %7s  %8s\n", "time", "img/s");
}

void print_epoch_row(const EpochRecord& r) {
    std::printf("%5d  %9.2e  %10.4f  %9.4f  %8.4f  %7.4f", r.epoch, r.lr, r.train_loss, r.train_accuracy, r.val_loss, r.val_accuracy);
    for (const Metric& m : r.val_more) std::printf("  %*.4f", int(std::max<std::size_t>(8, m.name.size() + 4)), m.value);
    std::printf("  %6.1fs  %8.0f\n", r.seconds, r.images_per_second);
    std::fflush(stdout);
}

/// Sets each group's rate to its initial rate times @p factor.
void scale_learning_rates(Optimizer<float>& optimizer, const std::vector<double>& initial_lr, double factor) {
    for (std::size_t g = 0; g < initial_lr.size(); ++g) optimizer.groups()[g].lr = initial_lr[g] * factor;
}

/// A diverged step or validation: rethrows unless the options ask to record it.
void note_divergence(const TrainingDiverged& error, const FitOptions& options) {  // called inside a catch block
    if (options.stop_when_diverged) throw;                                        // the exception being handled, unchanged
    std::fprintf(stderr, "warning: %s; this run ends here, recorded as diverged\n", error.reason().c_str());
}

}  // namespace

Evaluation evaluate(Layer<float>& model, const ImageDataset& data, std::size_t batch_size) {
    const bool was_training = model.is_training();
    model.eval();
    DataLoader loader(data, batch_size, false, 0);
    loader.start_epoch();
    SoftmaxCrossEntropy<float> loss;
    Evaluation result;
    double total_loss = 0;
    Batch batch;
    while (loader.next(batch)) {
        const Tensor<float> logits = model.forward(batch.images);  // (B, K)
        total_loss += double(loss.forward(logits, batch.labels)) * double(batch.labels.size());
        for (int p : argmax_rows(logits)) result.predictions.push_back(p);
    }
    model.train(was_training);
    result.loss = data.size() ? total_loss / double(data.size()) : 0.0;
    result.accuracy = accuracy(result.predictions, data.labels);
    return result;
}

std::vector<EpochRecord> fit(Layer<float>& model, Optimizer<float>& optimizer, DataLoader& train, Task& task, const FitOptions& options) {
    std::vector<EpochRecord> history;
    std::vector<double> initial_lr;  // each group's rate before any schedule
    for (const auto& group : optimizer.groups()) initial_lr.push_back(group.lr);
    const std::size_t batches = train.batches_per_epoch();
    const double total_steps = double(options.epochs) * double(batches);
    const std::vector<Parameter<float>*> parameters = model.parameters();
    DivergenceGuard guard;
    bool header_printed = false;
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
        Timer timer;
        model.train();
        train.start_epoch();
        ProgressBar bar("epoch " + std::to_string(epoch) + "/" + std::to_string(options.epochs), batches, options.verbose);
        double loss_sum = 0, right = 0, predicted = 0, seen = 0;
        std::size_t step = 0;
        Batch batch;
        // Stops a diverged run (throws TrainingDiverged); clips the gradients if asked.
        auto check_gradients = [&](float batch_loss) {
            const double norm = global_gradient_norm(parameters);
            guard.check_step(epoch, step + 1, batches, batch_loss, norm, parameters, optimizer.groups().back().lr);
            if (options.clip_grad_norm > 0) clip_gradient_norm(parameters, norm, options.clip_grad_norm);
        };
        bool diverged = false;
        try {
            while (train.next(batch)) {
                if (options.lr_factor)
                    scale_learning_rates(optimizer, initial_lr,
                                         options.lr_factor((double(epoch - 1) * double(batches) + double(step)) / total_steps));
                if (options.augment) options.augment(batch);
                task.prepare(batch);
                //! [training_step]
                optimizer.zero_grad();
                const Tensor<float> outputs = model.forward(batch.images);  // (B, K) scores, or (B, K, H, W) for pixels
                Tensor<float> gradient;                                     // dL/doutputs, the shape of outputs
                const float batch_loss = task.loss(outputs, batch, gradient);
                model.backward(gradient);
                check_gradients(batch_loss);  // stop if diverged; clip if asked
                optimizer.step();
                //! [training_step]
                const double images = double(batch.images.shape(0)), labels = double(batch.labels.size());
                loss_sum += double(batch_loss) * images;
                right += accuracy(task.predictions(outputs), batch.labels) * labels;
                predicted += labels;
                seen += images;
                ++step;
                char status[96];
                std::snprintf(status, sizeof status, "loss %.4f acc %.4f | %.0f img/s", loss_sum / seen, right / predicted, seen / timer.seconds());
                bar.update(step, status);
            }
        } catch (const TrainingDiverged& error) {
            note_divergence(error, options);
            diverged = true;
        }
        bar.finish();
        EpochRecord record;
        record.epoch = epoch;
        record.lr = optimizer.groups().back().lr;  // the last group: with discriminative rates, the largest
        record.train_loss = seen > 0 ? loss_sum / seen : std::numeric_limits<double>::quiet_NaN();
        record.train_accuracy = predicted > 0 ? right / predicted : std::numeric_limits<double>::quiet_NaN();
        record.images_per_second = seen / timer.seconds();
        record.diverged = diverged;
        record.val_loss = record.val_accuracy = std::numeric_limits<double>::quiet_NaN();
        if (task.has_validation()) {
            const Score val = task.validate(model);
            record.val_loss = val.loss;
            record.val_accuracy = val.accuracy;
            record.val_more = val.more;
        }
        record.seconds = timer.seconds();
        if (!diverged && task.has_validation()) {
            try {
                guard.check_validation(epoch, record.val_loss, record.lr);
            } catch (const TrainingDiverged& error) {
                note_divergence(error, options);
                record.diverged = true;
            }
        }
        if (options.verbose && !header_printed) print_epoch_header(record.val_more);
        header_printed = true;
        if (options.verbose) print_epoch_row(record);
        history.push_back(record);
        if (record.diverged) break;
    }
    return history;
}

double val_metric(const EpochRecord& record, const std::string& name) {
    for (const Metric& m : record.val_more)
        if (m.name == name) return m.value;
    throw std::invalid_argument("epoch " + std::to_string(record.epoch) + " has no validation metric '" + name + "'");
}

std::string history_csv(const std::vector<EpochRecord>& history, const std::string& accuracy_name) {
    std::ostringstream out;
    out << "epoch,lr,train_loss,train_" << accuracy_name << ",val_loss,val_" << accuracy_name;
    if (!history.empty())
        for (const Metric& m : history.front().val_more) out << ",val_" << m.name;
    out << ",seconds\n";
    for (const EpochRecord& r : history) {
        out << r.epoch << ',' << r.lr << ',' << r.train_loss << ',' << r.train_accuracy << ',' << r.val_loss << ',' << r.val_accuracy;
        for (const Metric& m : r.val_more) out << ',' << m.value;
        out << ',' << r.seconds << '\n';
    }
    return out.str();
}

void save_history(const std::string& run_dir, const std::vector<EpochRecord>& history, const std::string& name, const std::string& title) {
    const RunDirectory run(run_dir);
    run.write(name + ".csv", history_csv(history));
    plot_history(history, run.file(name == "history" ? "" : name + "-"), title);
}

void plot_history(const std::vector<EpochRecord>& history, const std::string& prefix, const std::string& title) {
    Series train_loss{"train", {}, {}}, val_loss{"validation", {}, {}};
    Series train_acc{"train", {}, {}}, val_acc{"validation", {}, {}};
    for (const EpochRecord& r : history) {
        train_loss.x.push_back(r.epoch);
        train_loss.y.push_back(r.train_loss);
        train_acc.x.push_back(r.epoch);
        train_acc.y.push_back(r.train_accuracy);
        if (std::isfinite(r.val_loss)) {
            val_loss.x.push_back(r.epoch);
            val_loss.y.push_back(r.val_loss);
            val_acc.x.push_back(r.epoch);
            val_acc.y.push_back(r.val_accuracy);
        }
    }
    plot_lines(prefix + "loss.png", {train_loss, val_loss}, {title + ": loss", "epoch", "cross-entropy", false, true});
    plot_lines(prefix + "accuracy.png", {train_acc, val_acc}, {title + ": accuracy", "epoch", "accuracy", false, true});
}

Series accuracy_curve(const std::string& name, const std::vector<EpochRecord>& history, bool training) {
    Series series{name, {}, {}};
    for (const EpochRecord& r : history) {
        const double accuracy = training ? r.train_accuracy : r.val_accuracy;
        series.x.push_back(r.epoch);
        series.y.push_back(std::isfinite(accuracy) ? accuracy : 0.0);
    }
    return series;
}

}  // namespace dl

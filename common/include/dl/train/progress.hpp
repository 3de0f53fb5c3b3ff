/// @file progress.hpp
/// @brief A progress bar for long loops: redrawn in place on a terminal, plain lines in a log.
#pragma once

#include "dl/util/timer.hpp"

#include <string>

namespace dl {

/// Shows how far a loop of @p total steps has come, its speed and the time left.
///
/// On a terminal (stderr is a TTY) one line is redrawn at most ten times a second; when
/// stderr is a file or a pipe, a plain line is printed at each quarter, so CI logs stay short.
class ProgressBar {
public:
    /// @param label shown at the start of the line, e.g. "epoch 3/10".
    /// @param total number of steps.
    /// @param enabled false makes every call a no-op.
    ProgressBar(std::string label, std::size_t total, bool enabled = true);

    /// @brief Reports that @p done steps are complete; @p status is appended (e.g. "loss 0.41").
    /// @param done steps complete so far, out of the total
    /// @param status text shown after the bar
    void update(std::size_t done, const std::string& status);

    /// Ends the line (on a terminal, clears it so the caller's table row replaces it).
    void finish();

private:
    std::string label_;
    std::size_t total_;
    bool enabled_, terminal_;
    int next_quarter_ = 1;
    Timer timer_;
    double last_draw_ = -1.0;
};

/// @brief @p seconds as "42s", "3m05s" or "1h02m".
/// @param seconds a duration
/// @return the text
std::string format_duration(double seconds);

}  // namespace dl

#include "dl/train/progress.hpp"

#include <cstdio>
#include <sys/ioctl.h>
#include <unistd.h>

namespace dl {

namespace {

// Columns of the terminal on stderr (80 if it cannot be asked).
std::size_t terminal_columns() {
    winsize size{};
    if (ioctl(fileno(stderr), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

}  // namespace

std::string format_duration(double seconds) {
    char text[32];
    const long s = long(seconds + 0.5);
    if (s < 60) std::snprintf(text, sizeof text, "%lds", s);
    else if (s < 3600) std::snprintf(text, sizeof text, "%ldm%02lds", s / 60, s % 60);
    else std::snprintf(text, sizeof text, "%ldh%02ldm", s / 3600, (s % 3600) / 60);
    return text;
}

ProgressBar::ProgressBar(std::string label, std::size_t total, bool enabled)
    : label_(std::move(label)), total_(total), enabled_(enabled), terminal_(isatty(fileno(stderr)) != 0) {}

void ProgressBar::update(std::size_t done, const std::string& status) {
    if (!enabled_ || total_ == 0) return;
    const double elapsed = timer_.seconds();
    const double fraction = double(done) / double(total_);
    const double eta = done == 0 ? 0.0 : elapsed * (1.0 - fraction) / fraction;
    if (terminal_) {
        if (elapsed - last_draw_ < 0.1 && done < total_) return;
        last_draw_ = elapsed;
        constexpr int width = 20;
        const int filled = int(fraction * width);
        char line[512];
        std::snprintf(line, sizeof line, "%s [%s%s] %3d%% %s | ETA %s", label_.c_str(), std::string(std::size_t(filled), '#').c_str(),
                      std::string(std::size_t(width - filled), '.').c_str(), int(fraction * 100), status.c_str(), format_duration(eta).c_str());
        // A line that wrapped could not be redrawn in place: cut it to the terminal's width.
        std::string text = line;
        if (text.size() >= terminal_columns()) text.resize(terminal_columns() - 1);
        std::fprintf(stderr, "\r%s\033[K", text.c_str());
    } else {
        if (fraction * 4 < next_quarter_) return;
        while (fraction * 4 >= next_quarter_) ++next_quarter_;
        std::fprintf(stderr, "%s %3d%% %s | ETA %s\n", label_.c_str(), int(fraction * 100), status.c_str(), format_duration(eta).c_str());
    }
    std::fflush(stderr);
}

void ProgressBar::finish() {
    if (enabled_ && terminal_) {
        std::fprintf(stderr, "\r\033[K");
        std::fflush(stderr);
    }
}

}  // namespace dl

#include "dl/train/plot.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace dl {

namespace {

bool gnuplot_available() {
    static const bool available = std::system("command -v gnuplot >/dev/null 2>&1") == 0;
    return available;
}

// A shell word: single-quoted, with each ' written as '\''.
std::string shell_quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += (c == '\'') ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// True when every x is a whole number and there are few of them (epochs): one tick each.
bool integer_abscissae(const std::vector<Series>& series) {
    for (const Series& s : series) {
        if (s.x.size() > 30) return false;
        for (double x : s.x) {
            if (x != double(long(x))) return false;
        }
    }
    return true;
}

}  // namespace

std::string gnuplot_quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += (c == '\'') ? std::string("''") : std::string(1, c);
    return out + "'";
}

bool run_gnuplot(const std::string& png_path, const std::string& script) {
    if (!gnuplot_available()) {
        static bool told = false;  // one notice per run, not one per plot
        if (!told) std::cerr << "note: gnuplot is not installed, so this run draws no plots (./book setup installs it)\n";
        told = true;
        return false;
    }
    const std::string script_path = png_path + ".gp";
    std::ofstream(script_path) << script;
    const int status = std::system(("gnuplot " + shell_quoted(script_path) + " 2>" + shell_quoted(png_path + ".log")).c_str());
    if (status != 0) {
        std::cerr << "note: gnuplot failed, skipped plot " << png_path << " (see " << png_path << ".log)\n";
        return false;
    }
    std::remove((png_path + ".log").c_str());
    std::remove(script_path.c_str());
    return true;
}

bool plot_lines(const std::string& png_path, const std::vector<Series>& all_series, const PlotOptions& options) {
    std::vector<Series> series;  // gnuplot refuses empty data blocks: drop empty curves
    for (const Series& s : all_series) {
        if (!s.x.empty()) series.push_back(s);
    }
    if (series.empty()) return false;
    std::ostringstream gp;
    gp << "set terminal pngcairo size 900,560 font 'DejaVu Sans,11'\n"
       << "set output " << gnuplot_quoted(png_path) << "\n"
       << "set title " << gnuplot_quoted(options.title) << "\n"
       << "set xlabel " << gnuplot_quoted(options.x_label) << "\nset ylabel " << gnuplot_quoted(options.y_label) << "\n"
       << "set grid\nset key outside below horizontal\n";
    if (options.log_x) gp << "set logscale x\nset format x '%g'\n";  // 1e-05 ... 0.1, 1, 10
    if (options.log_y) gp << "set logscale y\nset format y '%g'\n";
    if (!options.log_x && integer_abscissae(series)) gp << "set xtics 1\n";
    for (std::size_t s = 0; s < series.size(); ++s) {
        gp << "$S" << s << " << EOD\n";
        for (std::size_t i = 0; i < series[s].x.size(); ++i) gp << series[s].x[i] << ' ' << series[s].y[i] << '\n';
        gp << "EOD\n";
    }
    gp << "plot ";
    for (std::size_t s = 0; s < series.size(); ++s) {
        gp << (s ? ", " : "") << "$S" << s << " using 1:2 with " << (options.points ? "linespoints" : "lines")
           << " lw 2 title " << gnuplot_quoted(series[s].name);
    }
    gp << "\n";
    return run_gnuplot(png_path, gp.str());
}

}  // namespace dl

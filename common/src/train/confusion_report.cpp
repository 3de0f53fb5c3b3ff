#include "dl/train/confusion_report.hpp"

#include "dl/train/plot.hpp"
#include "dl/util/table.hpp"

#include <iostream>
#include <sstream>

namespace dl {

namespace {

// gnuplot's tics for the class names at 0, 1, ..., K-1: ("a" 0, "b" 1, ...).
std::string class_tics(const std::vector<std::string>& class_names) {
    std::string tics = "(";
    for (std::size_t k = 0; k < class_names.size(); ++k) tics += (k ? ", " : "") + gnuplot_quoted(class_names[k]) + " " + std::to_string(k);
    return tics + ")";
}

}  // namespace

bool plot_confusion(const std::string& png_path, const ConfusionMatrix& confusion, const std::vector<std::string>& class_names, const std::string& title) {
    const int k = int(confusion.classes());
    std::ostringstream gp;
    gp << "set terminal pngcairo size 820,720 font 'DejaVu Sans,11'\n"
       << "set output " << gnuplot_quoted(png_path) << "\n"
       << "set title " << gnuplot_quoted(title) << "\n"
       << "set xlabel 'predicted class'\nset ylabel 'true class'\n"
       << "set xrange [-0.5:" << k - 0.5 << "]\nset yrange [" << k - 0.5 << ":-0.5]\n"
       << "set xtics " << class_tics(class_names) << " rotate by 40 right nomirror\n"
       << "set ytics " << class_tics(class_names) << " nomirror\n"
       << "set tics scale 0\nset size ratio -1\n"
       << "set cbrange [0:1]\nset cblabel 'share of the true class'\n"
       // White for none; mistakes of a few percent already show; the diagonal dark.
       << "set palette defined (0 '#ffffff', 0.02 '#fff3d6', 0.1 '#fdae61', 0.4 '#d7301f', 1 '#67000d')\n"
       << "$M << EOD\n";
    for (int t = 0; t < k; ++t) {
        long row = 0;
        for (int p = 0; p < k; ++p) row += confusion.count(t, p);
        for (int p = 0; p < k; ++p) {
            const long n = confusion.count(t, p);
            gp << p << ' ' << t << ' ' << (row > 0 ? double(n) / double(row) : 0.0) << ' ' << n << '\n';
        }
    }
    gp << "EOD\n"
       << "plot $M using 1:2:3 with image notitle, "
       << "$M using 1:2:($3 > 0.4 ? sprintf('%d', $4) : '') with labels tc rgb 'white' notitle, "
       << "$M using 1:2:($3 <= 0.4 && $4 > 0 ? sprintf('%d', $4) : '') with labels tc rgb 'black' notitle\n";
    return run_gnuplot(png_path, gp.str());
}

ConfusionMatrix report_confusion(const std::vector<int>& predictions, const std::vector<int>& labels, const std::vector<std::string>& class_names,
                                 const std::string& png_path, const std::string& title) {
    ConfusionMatrix confusion(class_names.size());
    confusion.add(predictions, labels);
    std::cout << "\nConfusion matrix on the " << counted(long(labels.size()), "test image") << " (rows: true classes; drawn in " << png_path << "):\n"
              << confusion.to_string(class_names);
    plot_confusion(png_path, confusion, class_names, title);
    return confusion;
}

}  // namespace dl

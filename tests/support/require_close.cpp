#include "require_close.hpp"

#include "catch_compat.hpp"

#include <cmath>
#include <sstream>

namespace dltest {

namespace {

// "[1, 2, 3]" for flat index @p i of a tensor of shape @p shape (row-major).
std::string index_string(std::size_t i, const dl::Shape& shape) {
    std::vector<std::size_t> index(shape.size());
    for (std::size_t d = shape.size(); d-- > 0;) {
        index[d] = i % shape[d];
        i /= shape[d];
    }
    std::string text = "[";
    for (std::size_t d = 0; d < index.size(); ++d) text += (d ? ", " : "") + std::to_string(index[d]);
    return text + "]";
}

bool close(double a, double b, double tolerance) { return std::abs(a - b) <= tolerance * std::max({std::abs(a), std::abs(b), 1.0}); }

// The number c with got ≈ c · expected everywhere, if there is one (least squares, then checked).
bool constant_factor(const Tensor<double>& got, const Tensor<double>& expected, double tolerance, double& factor) {
    double cross = 0, norm = 0;
    for (std::size_t i = 0; i < got.size(); ++i) cross += got.data()[i] * expected.data()[i], norm += expected.data()[i] * expected.data()[i];
    if (norm == 0) return false;
    factor = cross / norm;
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (!close(got.data()[i], factor * expected.data()[i], tolerance * 10)) return false;
    }
    return true;
}

// A name for a factor such as 64 or 1/64: "64" or "1/64".
std::string factor_string(double factor) {
    std::ostringstream out;
    const double magnitude = std::abs(factor);
    if (magnitude >= 1) {
        out << (std::abs(magnitude - std::round(magnitude)) < 1e-6 * magnitude ? std::round(magnitude) : magnitude);
    } else {
        const double inverse = 1 / magnitude;
        if (std::abs(inverse - std::round(inverse)) < 1e-6 * inverse) out << "1/" << std::round(inverse);
        else out << magnitude;
    }
    return out.str();
}

std::string hint(const Tensor<double>& got, const Tensor<double>& expected, double tolerance) {
    bool all_zero = true, any_nan = false;
    for (double v : got) all_zero = all_zero && v == 0, any_nan = any_nan || std::isnan(v);
    if (any_nan) return "your answer has NaN in it (a division by zero, or the log or sqrt of a negative number?)";
    if (all_zero) return "your answer is all zeros (was anything written into the result?)";
    const dl::Shape shape = dl::shape_of(got);
    if (shape.size() == 2 && shape[0] == shape[1] && shape[0] > 1) {
        bool transposed = true;
        for (std::size_t r = 0; r < shape[0] && transposed; ++r)
            for (std::size_t c = 0; c < shape[1] && transposed; ++c) transposed = close(got(r, c), expected(c, r), tolerance);
        if (transposed) return "your answer is the transpose of the expected one";
    }
    double factor = 1;
    if (constant_factor(got, expected, tolerance, factor) && !close(factor, 1, 1e-3)) {
        if (close(factor, -1, 1e-3)) return "your answer has the opposite sign everywhere";
        std::string text = "your answer is " + (factor > 0 ? std::string() : "minus ") + factor_string(factor) + " times the expected one everywhere";
        return text + (std::abs(factor) > 1 ? " (a division missing: by the batch size, or the number of values averaged?)"
                                            : " (a division too many, or a missing factor such as the batch size?)");
    }
    return "";
}

}  // namespace

std::string describe_difference(const Tensor<double>& got, const Tensor<double>& expected, const std::string& what, double tolerance,
                                const std::vector<KnownMistake>& known_mistakes) {
    const dl::Shape got_shape = dl::shape_of(got), want = dl::shape_of(expected);
    if (got_shape != want) {
        std::string line = what + ": your result has shape " + dl::shape_string(got_shape) + ", expected " + dl::shape_string(want);
        if (got_shape.size() == 2 && want.size() == 2 && got_shape[0] == want[1] && got_shape[1] == want[0]) line += " (transposed?)";
        return line;
    }
    std::size_t wrong = 0, first = 0;
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (!close(got.data()[i], expected.data()[i], tolerance)) {  // NaN is never close
            if (wrong++ == 0) first = i;
        }
    }
    if (wrong == 0) return "";
    std::ostringstream line;
    line << what << ": " << wrong << " of " << got.size() << (got.size() == 1 ? " value" : " values") << (wrong == 1 ? " is" : " are")
         << " wrong; at " << index_string(first, want) << " yours is " << got.data()[first] << ", expected " << expected.data()[first];
    std::string why = hint(got, expected, tolerance);
    for (const KnownMistake& mistake : known_mistakes) {
        if (dl::shape_of(mistake.answer) != want) continue;
        bool same = true;
        for (std::size_t i = 0; i < got.size() && same; ++i) same = close(got.data()[i], mistake.answer.data()[i], tolerance * 10);
        if (same) why = "that is what you get if " + mistake.explanation;
    }
    if (!why.empty()) line << " — " << why;
    return line.str();
}

void require_close(const Tensor<double>& got, const Tensor<double>& expected, const std::string& what, double tolerance,
                   const std::vector<KnownMistake>& known_mistakes) {
    const std::string difference = describe_difference(got, expected, what, tolerance, known_mistakes);
    if (!difference.empty()) FAIL(difference);
}

}  // namespace dltest

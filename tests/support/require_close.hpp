/// @file require_close.hpp
/// @brief The exercise tests' comparison: fails naming the worst entry, yours against expected.
#pragma once

#include "gradcheck.hpp"

#include "catch_compat.hpp"

namespace dltest {

/// Fails the test if @p got differs from @p expected in shape, or anywhere by more than
/// @p tolerance (relative to max(|got|, |expected|, 1)); the message names @p what and the
/// worst entry with both values.
inline void require_close(const Tensor<double>& got, const Tensor<double>& expected, const std::string& what, double tolerance = 1e-6) {
    if (dl::shape_of(got) != dl::shape_of(expected)) {
        FAIL(what << " has shape " << dl::shape_string(dl::shape_of(got)) << ", expected " << dl::shape_string(dl::shape_of(expected)));
    }
    const GradientReport report = compare(got, expected, what, "yours", "expected");
    if (report.worst_error > tolerance) FAIL(what << " is wrong: worst entry " << report.where);
}

}  // namespace dltest

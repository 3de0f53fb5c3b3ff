// Timing helpers for the benchmarks: medians over repeats after a warm-up.
#pragma once

#include "dl/util/timer.hpp"

#include <algorithm>
#include <vector>

namespace bench {

/// Runs @p work once to warm up, then @p repeats times; returns the median in seconds.
template <class Work>
double median_seconds(int repeats, Work work) {
    work();
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        dl::Timer timer;
        work();
        times.push_back(timer.seconds());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

/// Runs @p work for at least @p warmup_seconds (at least once) to warm up, then times it at
/// least @p repeats times and for at least @p least_seconds in all; returns the median in
/// seconds. For whole training steps, whose first seconds (memory first touched, caches and
/// branch predictors cold, the CPU's clock settling) are not the steady state a long training
/// run sees.
template <class Work>
double steady_median_seconds(int repeats, double warmup_seconds, double least_seconds, Work work) {
    const dl::Timer warmup;
    do work();
    while (warmup.seconds() < warmup_seconds);
    std::vector<double> times;
    for (dl::Timer all; int(times.size()) < repeats || all.seconds() < least_seconds;) {
        dl::Timer timer;
        work();
        times.push_back(timer.seconds());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

/// Seconds for a single run of @p work (for the slow naive loops).
template <class Work>
double seconds_once(Work work) {
    dl::Timer timer;
    work();
    return timer.seconds();
}

}  // namespace bench

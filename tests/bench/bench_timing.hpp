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

/// Seconds for a single run of @p work (for the slow naive loops).
template <class Work>
double seconds_once(Work work) {
    dl::Timer timer;
    work();
    return timer.seconds();
}

}  // namespace bench

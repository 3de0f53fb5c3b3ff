// Memory figures for the benchmarks: a process's resident set now and at its peak.
#pragma once

#include <sys/resource.h>

#include <fstream>
#include <string>

namespace bench {

/// The process's resident set size now, in MiB (VmRSS in /proc/self/status), or 0 if unknown.
inline double resident_mib() {
    std::ifstream status("/proc/self/status");
    std::string key;
    double kib = 0;
    while (status >> key) {
        if (key == "VmRSS:") {
            status >> kib;
            break;
        }
        std::getline(status, key);
    }
    return kib / 1024;
}

/// The largest resident set size the process has had, in MiB (getrusage's ru_maxrss).
inline double peak_resident_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024;
}

}  // namespace bench

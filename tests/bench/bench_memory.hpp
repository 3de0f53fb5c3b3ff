// Memory figures for the benchmarks: a process's resident set now and at its peak.
#pragma once

#include <fstream>
#include <string>

namespace bench {

// A field of /proc/self/status in MiB ("VmRSS:", "VmHWM:"), or 0 if it is missing.
inline double status_mib(const std::string& field) {
    std::ifstream status("/proc/self/status");
    std::string key;
    double kib = 0;
    while (status >> key) {
        if (key == field) {
            status >> kib;
            break;
        }
        std::getline(status, key);
    }
    return kib / 1024;
}

/// The process's resident set size now, in MiB (VmRSS).
inline double resident_mib() { return status_mib("VmRSS:"); }

/// The largest resident set size this program has had, in MiB (VmHWM: since its exec, unlike
/// getrusage's ru_maxrss, which keeps the high-water mark of the process that forked it).
inline double peak_resident_mib() { return status_mib("VmHWM:"); }

}  // namespace bench

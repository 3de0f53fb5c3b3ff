/// @file provenance.hpp
/// @brief Where a result came from: the command, the date, the commit and the machine.
#pragma once

#include <string>

namespace dl {

/// @brief A JSON object that says how this run was made, for the run.json file that every
/// run folder gets (RunDirectory writes it):
///
///     {"command": "./book run 02 --epochs 3", "date": "2026-12-02T14:03:11Z",
///      "commit": "1c6788e", "machine": "2 cores, Intel(R) Xeon(R) ..."}
///
/// The command is $BOOK_COMMAND (the `book` script sets it, e.g. "./book run 02") or the
/// program's own name, followed by its arguments (read from /proc/self/cmdline); the commit
/// is $BOOK_COMMIT (`git describe --always --dirty`, set by the `book` script) or "unknown";
/// the machine is the number of cores and the processor's model name.
/// @return the object as JSON text, one line
std::string describe_this_run();

}  // namespace dl

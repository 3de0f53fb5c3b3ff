/// @file runtime.hpp
/// @brief Process-wide settings a training program makes once, at its start.
#pragma once

namespace dl {

/// Prepares the process for training:
/// - sets the size of the one thread pool: OpenMP's, which the library's loops and the
///   OpenMP build of OpenBLAS share (so the two never compete for the cores);
/// - makes standard output line-buffered, so that its lines and the progress lines on
///   standard error stay in order when both go to one file or pipe;
/// - asks the C allocator to keep freed memory for reuse instead of returning it to the
///   system. Training allocates and frees the same large tensors at every step; handing
///   them back made every step fault the pages in again (LeNet: 6,185 against 5,293
///   images/s on the book's machine).
/// @param threads the size of the thread pool
void prepare_runtime(int threads);

}  // namespace dl

/// @file checkpoint.hpp
/// @brief Saving a model's parameters to disk and loading them back, safely.
#pragma once

#include "dl/layers/layer.hpp"

#include <string>

namespace dl {

/// Writes every parameter of @p model, then every buffer (running statistics), to @p path.
///
/// Format (little-endian): the magic "DLCKPT01", format version (2), scalar size (4 or 8),
/// an architecture tag (e.g. "resnet20"), the number of tensors, each tensor's name and
/// shape — the parameters, then the buffers — then their values, and a CRC-32 of
/// everything before it. The file is written to
/// a temporary name and renamed into place, so a crash never leaves a half-written
/// checkpoint under @p path.
/// @param path the file to write
/// @param model the network whose parameters and buffers are saved
/// @param architecture the tag that load_checkpoint() checks, e.g. "resnet20"
template <class T>
void save_checkpoint(const std::string& path, Layer<T>& model, const std::string& architecture);

/// Loads @p path into @p model's parameters and buffers.
///
/// Refuses, with std::runtime_error naming the file: a missing, truncated or corrupt file
/// (checksum mismatch); a different architecture tag; a different scalar type; and a
/// model whose parameters or buffers differ, naming the first mismatching tensor and both
/// shapes. Version-1 files (parameters only) load into models without buffers.
/// The model is only modified once every check has passed.
/// @param path the file to read
/// @param model the network to fill, of the architecture that was saved
/// @param architecture the tag the file must carry, e.g. "resnet20"
template <class T>
void load_checkpoint(const std::string& path, Layer<T>& model, const std::string& architecture);

}  // namespace dl

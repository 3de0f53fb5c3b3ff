/// @file atomic_file.hpp
/// @brief Writing a file so that it is either the old one or the whole new one.
#pragma once

#include <string>

namespace dl {

/// Writes @p content to @p path through a temporary file in the same folder
/// (@p path + ".tmp" + the process id) and a rename, so that nobody ever sees a half-written
/// @p path: a full disk or a killed process leaves the previous file as it was. On failure
/// the temporary is removed and the error names @p path.
/// @param path the file to write
/// @param content its whole new content
void write_file_atomically(const std::string& path, const std::string& content);

/// Removes the temporaries (NAME.tmpPID) in @p folder that a killed write left behind:
/// those whose process no longer runs. Returns how many were removed.
/// @param folder the folder to clean
/// @return the number of files removed
int remove_stale_temporaries(const std::string& folder);

}  // namespace dl

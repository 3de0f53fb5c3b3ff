/// @file exercise.hpp
/// @brief How an unwritten exercise announces itself.
#pragma once

#include <stdexcept>
#include <string>

namespace dl {

/// Thrown by an exercise stub the reader has not completed yet. `./book check` looks for
/// the words "is not written yet" in its message to tell "not written" from "wrong".
struct ExerciseNotWritten : std::logic_error {
    using std::logic_error::logic_error;
};

/// Throws ExerciseNotWritten for exercise @p number ("1.2") called @p title, pointing the
/// reader at @p section, the place in the chapter text that explains it.
/// @param number the exercise's number, e.g. "1.2"
/// @param title the exercise's title
/// @param section where the chapter text explains it
[[noreturn]] inline void exercise_not_written(const std::string& number, const std::string& title, const std::string& section) {
    throw ExerciseNotWritten("Exercise " + number + " (" + title + ") is not written yet — see " + section);
}

}  // namespace dl

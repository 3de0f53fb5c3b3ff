// The translation unit that builds the precompiled header of the reader's exercise files
// (tests/CMakeLists.txt, target reader_support). It has no code of its own: CMake compiles
// the header from it, with the reader's flags (-g), and the exercise builds reuse it.

#ifndef ALTBUILD_FUZZER_HOOKS_H
#define ALTBUILD_FUZZER_HOOKS_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's built-in mutators (defined by libFuzzer itself), so that the
/// zip-aware custom mutator can mutate one entry's bytes the usual way.
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);

/// libFuzzer's driver, for a program that has its own `main`: SwiftPM names
/// every executable's entry point after its module, so libFuzzer's `main`
/// cannot be used and Swift's starts the driver instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif

// Nothing to define: the header declares a libFuzzer function for Swift.
// SwiftPM needs at least one source file in a C target.
#include "fuzzer_hooks.h"

// How drift asks the C library to hand memory back. Reading a large estate
// grows and frees arrays of many megabytes (the manifest's resources, the
// state's chunks, the comparison's indexes). glibc serves a block above its
// mmap threshold from a mapping of its own, returned when freed, but raises
// the threshold to the size of each such block freed, so that later large
// blocks come from the heap, where a freed one stays resident. At 20,000
// resources that cost 4 MiB of peak memory.
#pragma once

namespace topoc::drift {

// Fixes the mmap and trim thresholds at glibc's initial 128 KiB, which also
// turns off their adjustment. Once per process; nothing elsewhere.
void keep_large_blocks_apart();

}  // namespace topoc::drift

// The C heap set up for one run of a command that reads, computes and exits.
#pragma once

namespace topoc::cli {

// A check or build allocates a few tens of MiB in many small pieces and then
// exits. With the C library's defaults a third of its time goes to the
// kernel: one page fault per 4 KiB touched, large vectors unmapped when freed
// and faulted in again when the next one grows. This reserves the heap in one
// step, asks for transparent huge pages on it (one fault per 2 MiB where the
// system grants them on request, its usual setting) and keeps freed memory
// for reuse. Not for the language server, which runs for hours and should
// hand memory back. A no-op under AddressSanitizer, which owns the heap.
void prepare_heap_for_one_run();

}  // namespace topoc::cli

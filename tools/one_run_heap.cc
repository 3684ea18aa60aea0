#include "tools/one_run_heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace topoc::cli {

void prepare_heap_for_one_run() {
#if !defined(__SANITIZE_ADDRESS__)
  constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
  constexpr int kReserve = 32 << 20;
  // Blocks below 32 MiB (glibc's ceiling for this setting) come from the
  // heap, so a freed vector's pages serve the next one.
  mallopt(M_MMAP_THRESHOLD, kReserve);
  mallopt(M_TRIM_THRESHOLD, 4 * kReserve);
  // Each time the heap grows, it grows by this much more than asked: address
  // space only, pages are still faulted in when first touched.
  mallopt(M_TOP_PAD, kReserve);
  void* start = sbrk(0);
  if (start == reinterpret_cast<void*>(-1)) return;
  auto before = reinterpret_cast<uintptr_t>(start);
  // A little more than the heap's free top forces it to grow, and puts the
  // marker of its new top right after the old end, below the first huge page
  // boundary. A larger request would put the marker further in, and its
  // page, touched before the advice below, would keep that whole huge page
  // to 4 KiB faults (about 500 of a large check's 860 with 2 MiB asked).
  // volatile: the pair must not be elided.
  void* volatile first = std::malloc(mallinfo2().keepcost + 64);
  auto at = reinterpret_cast<uintptr_t>(first);
  std::free(first);
  auto after = reinterpret_cast<uintptr_t>(sbrk(0));
  uintptr_t begin = (before + kHugePage - 1) & ~(kHugePage - 1);
  uintptr_t end = after & ~(kHugePage - 1);
  // Advice only: where huge pages are off or the call fails, the heap works
  // as before.
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  // The heap's free space starts where `first` did, below the first huge
  // page boundary: up to 2 MiB that would still be faulted in 4 KiB at a
  // time, and are the first the run fills. Held, never touched past their
  // first page, they leave the run's allocations to start on huge pages.
  uintptr_t head = at && begin > at ? begin - at : 0;
  constexpr uintptr_t kWorthHolding = 64 << 10;
  if (head > kWorthHolding && end > begin) {
    [[maybe_unused]] static void* volatile held;  // reachable: no leak checker counts it
    held = std::malloc(head - kWorthHolding / 2);
  }
#endif
}

}  // namespace topoc::cli

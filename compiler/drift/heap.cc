#include "compiler/drift/heap.h"

#include <cstdlib>  // defines __GLIBC__ where it applies

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace topoc::drift {

void keep_large_blocks_apart() {
#if defined(__GLIBC__)
  // The trim threshold too: each raise of the mmap threshold doubled it, and
  // free memory at the top of the heap below it is kept, resident.
  static const bool done = [] {
    return mallopt(M_MMAP_THRESHOLD, 128 * 1024) == 1 && mallopt(M_TRIM_THRESHOLD, 128 * 1024) == 1;
  }();
  (void)done;
#endif
}

}  // namespace topoc::drift

#include "compiler/threads/beside.h"

#include <sched.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <system_error>

namespace topoc::threads {
namespace {

struct Start {
  std::function<void()> work;
  ThreadHeap heap = ThreadHeap::kSmall;
  std::shared_ptr<int> first_cpu;
  bool narrowed = false;
  cpu_set_t allowed;  // the creator's CPUs, restored first when narrowed
};

// glibc serves a second thread from a malloc arena of its own, a heap mapped
// at a multiple of its largest size (HEAP_MAX_SIZE, 64 MiB on 64-bit
// systems): the heap of an address is that address rounded down. Its first
// allocation tells where the thread's heap is, and the whole heap, mapped
// or reserved, is advised. Advice only: were the layout other, the call
// advises some other anonymous memory or fails, and nothing else changes.
void advise_arena_for_huge_pages() {
#if !defined(TOPOC_ADDRESS_SANITIZER)
  constexpr uintptr_t kArenaHeap = uintptr_t{64} << 20;
  void* probe = std::malloc(1);
  auto at = reinterpret_cast<uintptr_t>(probe);
  auto brk_end = reinterpret_cast<uintptr_t>(sbrk(0));
  std::free(probe);
  // Below the break: the main heap (no arena could be made), advised or not
  // by the process as a whole.
  if (!probe || at < brk_end) return;
  madvise(reinterpret_cast<void*>(at & ~(kArenaHeap - 1)), kArenaHeap, MADV_HUGEPAGE);
#endif
}

void* run(void* arg) {
  std::unique_ptr<Start> start(static_cast<Start*>(arg));
  *start->first_cpu = sched_getcpu();
  // Advice only: a thread that keeps the narrower set still runs.
  if (start->narrowed) sched_setaffinity(0, sizeof start->allowed, &start->allowed);
  if (start->heap == ThreadHeap::kLarge) advise_arena_for_huge_pages();
  start->work();
  return nullptr;
}

// Whether `attr` now starts a thread off the calling thread's CPU: only when
// that leaves it a CPU. A machine past cpu_set_t's 1,024 CPUs fails
// sched_getaffinity and starts it where Linux puts it.
bool place_elsewhere(pthread_attr_t& attr, Start& start) {
  if (sched_getaffinity(0, sizeof start.allowed, &start.allowed) != 0) return false;
  int here = sched_getcpu();
  if (here < 0 || here >= CPU_SETSIZE || !CPU_ISSET(here, &start.allowed) ||
      CPU_COUNT(&start.allowed) < 2) {
    return false;
  }
  cpu_set_t elsewhere = start.allowed;
  CPU_CLR(here, &elsewhere);
  return pthread_attr_setaffinity_np(&attr, sizeof elsewhere, &elsewhere) == 0;
}

}  // namespace

ThreadBeside::ThreadBeside(std::function<void()> work, ThreadHeap heap) {
  auto start = std::make_unique<Start>();
  start->work = std::move(work);
  start->heap = heap;
  start->first_cpu = first_cpu_;
  pthread_attr_t attr;
  if (int error = pthread_attr_init(&attr)) {
    throw std::system_error(error, std::generic_category(), "pthread_attr_init");
  }
  start->narrowed = place_elsewhere(attr, *start);
  int error = pthread_create(&thread_, &attr, run, start.get());
  pthread_attr_destroy(&attr);
  if (error) throw std::system_error(error, std::generic_category(), "pthread_create");
  start.release();  // the thread owns it now
  joinable_ = true;
}

ThreadBeside::~ThreadBeside() {
  join();
}

void ThreadBeside::detach() {
  if (!joinable_) return;
  pthread_detach(thread_);
  joinable_ = false;
}

void ThreadBeside::join() {
  if (!joinable_) return;
  pthread_join(thread_, nullptr);
  joinable_ = false;
}

}  // namespace topoc::threads

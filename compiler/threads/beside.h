// A second thread for work that should run beside the caller's, on another
// CPU, from its first instruction.
//
// Linux queues a new thread on its creator's CPU. On a small machine (two
// vCPUs here) it then waited there, while the other CPU idled, until the
// creator blocked or the scheduler balanced the queues: 2 to 3 ms, about as
// long as a large check's second thread has work, so that work ran after the
// creator's rather than beside it. A ThreadBeside is created allowed only on
// the CPUs other than its creator's, so it starts on one of them at once;
// its first act is to allow itself every CPU its creator may use again, so
// the scheduler moves it as it would any thread once it runs.
#pragma once

#include <pthread.h>

#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

// AddressSanitizer replaces malloc, and its heap has no arenas: GCC says
// so with __SANITIZE_ADDRESS__, Clang through __has_feature.
#if defined(__SANITIZE_ADDRESS__)
#define TOPOC_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TOPOC_ADDRESS_SANITIZER 1
#endif
#endif

namespace topoc::threads {

// How much a thread's work allocates.
enum class ThreadHeap {
  kSmall,
  // Megabytes, in a run that ends soon after (a build's main.tf): the
  // thread's malloc arena is advised for huge pages, as a one-run process's
  // main heap is (tools/one_run_heap.cc). Its pages are then faulted in 2 MiB
  // at a time rather than 4 KiB: a large build's faults went from 1,856 to
  // 729 when its main.tf thread's arena was advised.
  kLarge,
};

class ThreadBeside {
 public:
  // Starts `work`. Throws std::system_error where no thread can start (a
  // process or memory limit), as std::thread does.
  explicit ThreadBeside(std::function<void()> work, ThreadHeap heap = ThreadHeap::kSmall);
  ThreadBeside(const ThreadBeside&) = delete;
  ThreadBeside& operator=(const ThreadBeside&) = delete;
  ~ThreadBeside();  // joins

  void join();
  // Lets the thread end on its own; the destructor then waits for nothing.
  void detach();
  bool joinable() const { return joinable_; }
  // The CPU the thread started on (sched_getcpu), once joined; -1 unknown.
  int first_cpu() const { return *first_cpu_; }

 private:
  pthread_t thread_{};
  bool joinable_ = false;
  // Written by the thread before its work; shared, since a detached thread
  // may outlive this object.
  std::shared_ptr<int> first_cpu_ = std::make_shared<int>(-1);
};

// The result of `work`, computed on a ThreadBeside: std::async's
// std::launch::async, started beside the caller. get() waits for the
// result and rethrows what `work` threw. A thread whose result was taken
// is left to end on its own: its end took up to 2 ms after its work did
// (a build's main.tf), which get() would otherwise wait for too. One whose
// result was not taken is waited for, so its work's references stay good.
template <typename R>
class Beside {
 public:
  explicit Beside(std::function<R()> work, ThreadHeap heap = ThreadHeap::kSmall) {
    // Shared with the thread, which still holds it while it signals.
    auto promise = std::make_shared<std::promise<R>>();
    result_ = promise->get_future();
    thread_.emplace(
        [promise, work = std::move(work)] {
          try {
            if constexpr (std::is_void_v<R>) {
              work();
              promise->set_value();
            } else {
              promise->set_value(work());
            }
          } catch (...) {
            promise->set_exception(std::current_exception());
          }
        },
        heap);
  }
  Beside(const Beside&) = delete;
  Beside& operator=(const Beside&) = delete;
  ~Beside() {
    if (taken_) thread_->detach();
  }

  R get() {
    taken_ = true;
    return result_.get();
  }

 private:
  std::future<R> result_;
  std::optional<ThreadBeside> thread_;  // joined when destroyed, unless detached
  bool taken_ = false;
};

}  // namespace topoc::threads

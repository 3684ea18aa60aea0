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

#include <functional>
#include <future>
#include <utility>

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
  bool joinable() const { return joinable_; }
  // The CPU the thread started on (sched_getcpu), once joined; -1 unknown.
  int first_cpu() const { return first_cpu_; }

 private:
  pthread_t thread_{};
  bool joinable_ = false;
  int first_cpu_ = -1;  // written by the thread before its work, read after the join
};

// The result of `work`, computed on a ThreadBeside: std::async's
// std::launch::async, started beside the caller. get() waits and rethrows
// what `work` threw; the destructor waits too.
template <typename R>
class Beside {
 public:
  explicit Beside(std::function<R()> work, ThreadHeap heap = ThreadHeap::kSmall)
      : task_(std::move(work)), result_(task_.get_future()), thread_([this] { task_(); }, heap) {}
  Beside(const Beside&) = delete;
  Beside& operator=(const Beside&) = delete;

  R get() {
    thread_.join();
    return result_.get();
  }

 private:
  std::packaged_task<R()> task_;
  std::future<R> result_;
  ThreadBeside thread_;  // last: started once the task is in place, joined first
};

}  // namespace topoc::threads

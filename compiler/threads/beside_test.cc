#include "compiler/threads/beside.h"

#include <gtest/gtest.h>
#include <sched.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

namespace topoc::threads {
namespace {

// The calling thread's CPUs.
cpu_set_t allowed_cpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  EXPECT_EQ(0, sched_getaffinity(0, sizeof set, &set));
  return set;
}

// Runs `body` on a thread of its own allowed only `cpus`, as a creator.
template <typename Body>
void on_cpus(const cpu_set_t& cpus, Body body) {
  std::thread creator([&] {
    ASSERT_EQ(0, sched_setaffinity(0, sizeof cpus, &cpus));
    body();
  });
  creator.join();
}

TEST(Beside, GivesTheResultOfTheWork) {
  Beside<std::string> result([] { return std::string("main.tf"); });
  EXPECT_EQ("main.tf", result.get());
}

TEST(Beside, RethrowsWhatTheWorkThrew) {
  Beside<void> result([] { throw std::runtime_error("out of disk"); });
  EXPECT_THROW(result.get(), std::runtime_error);
}

TEST(ThreadBeside, DetachedIsNotWaitedFor) {
  std::atomic<bool> release{false}, done{false};
  {
    ThreadBeside thread([&] {
      while (!release) std::this_thread::yield();
      done = true;
    });
    thread.detach();
  }  // the destructor returned with the thread still at work
  EXPECT_FALSE(done);
  release = true;
  auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!done && std::chrono::steady_clock::now() < give_up) std::this_thread::yield();
  EXPECT_TRUE(done);
}

TEST(ThreadBeside, StartsOffTheCreatorsCpuThenMayRunOnAnyOfItsCpus) {
  cpu_set_t all = allowed_cpus();
  if (CPU_COUNT(&all) < 2) GTEST_SKIP() << "one CPU: nowhere else to start";
  int first = -1, second = -1;
  for (int c = 0; c < CPU_SETSIZE; ++c) {
    if (!CPU_ISSET(c, &all)) continue;
    (first < 0 ? first : second) = c;
    if (second >= 0) break;
  }
  cpu_set_t two;
  CPU_ZERO(&two);
  CPU_SET(first, &two);
  CPU_SET(second, &two);
  on_cpus(two, [&] {
    // The creator may move between the CPUs itself: a start is judged only
    // when the creator was on one CPU before and after it.
    for (int attempt = 0; attempt < 100; ++attempt) {
      cpu_set_t seen;
      CPU_ZERO(&seen);
      int before = sched_getcpu();
      ThreadBeside thread([&] { seen = allowed_cpus(); });
      int after = sched_getcpu();
      thread.join();
      // Its first act gave it back both CPUs.
      EXPECT_TRUE(CPU_EQUAL(&seen, &two));
      if (before != after) continue;
      // Allowed only the other CPU at its start, it started there.
      EXPECT_EQ(before == first ? second : first, thread.first_cpu());
      return;
    }
    ADD_FAILURE() << "the creator never stayed on one CPU";
  });
}

TEST(ThreadBeside, RunsWhereTheCreatorHasOneCpu) {
  cpu_set_t all = allowed_cpus();
  int only = -1;
  for (int c = 0; c < CPU_SETSIZE && only < 0; ++c) {
    if (CPU_ISSET(c, &all)) only = c;
  }
  ASSERT_GE(only, 0);
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(only, &one);
  on_cpus(one, [&] {
    bool ran = false;
    cpu_set_t seen;
    CPU_ZERO(&seen);
    {
      ThreadBeside thread([&] {
        ran = true;
        seen = allowed_cpus();
      });
    }  // the destructor joins
    EXPECT_TRUE(ran);
    EXPECT_TRUE(CPU_EQUAL(&seen, &one));
  });
}

// The VmFlags of the mapping holding `address`, from /proc/self/smaps; empty
// when none holds it.
std::string mapping_flags(const void* address) {
  auto at = reinterpret_cast<uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    uintptr_t begin = 0, end = 0;
    char dash = 0;
    std::istringstream header(line);
    if (header >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= at && at < end;
    } else if (inside && line.starts_with("VmFlags:")) {
      return line;
    }
  }
  return "";
}

TEST(ThreadBeside, AdvisesTheArenaOfWorkThatAllocatesMuchForHugePages) {
#if defined(TOPOC_ADDRESS_SANITIZER)
  GTEST_SKIP() << "the sanitizer's allocator has no arenas";
#endif
  if (!std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled")) {
    GTEST_SKIP() << "no transparent huge pages";
  }
  std::string flags;
  ThreadBeside thread(
      [&] {
        void* block = std::malloc(4096);  // under any mmap threshold: from the arena
        flags = mapping_flags(block);
        std::free(block);
      },
      ThreadHeap::kLarge);
  thread.join();
  ASSERT_NE("", flags);
  EXPECT_NE(std::string::npos, flags.find(" hg")) << flags;
}

}  // namespace
}  // namespace topoc::threads

#include "compiler/emit/flusher.h"

#include <system_error>
#include <utility>

#include "compiler/emit/file_io.h"

namespace topoc::emit::io {

Flusher::Flusher(std::filesystem::path dir) : dir_(std::move(dir)) {}

Flusher::~Flusher() {
  finish();
}

void Flusher::request() {
  std::lock_guard lock(mutex_);
  if (stopping_) return;
  pending_ = true;
  if (thread_) {
    wake_.notify_one();
    return;
  }
  try {
    thread_.emplace([this] { run(); });
  } catch (const std::system_error&) {
    pending_ = false;  // left to the caller's own sync
  }
}

bool Flusher::finish() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_) thread_->join();
  std::lock_guard lock(mutex_);
  return !failed_;
}

void Flusher::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return pending_ || stopping_; });
    if (!pending_) return;  // stopping, nothing left to flush
    pending_ = false;
    lock.unlock();
    bool ok = !sync_file_system(dir_);
    lock.lock();
    if (!ok) failed_ = true;
  }
}

}  // namespace topoc::emit::io

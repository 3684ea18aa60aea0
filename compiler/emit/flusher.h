// Flushes a file system to disk on a thread of its own while the caller goes
// on writing: a build's staged files reach the disk while the rest of the
// tree renders, and the sync that must precede the rename into place then
// waits for what was written last alone.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>

#include "compiler/threads/beside.h"

namespace topoc::emit::io {

class Flusher {
 public:
  // Flushes the file system holding `dir` (syncfs).
  explicit Flusher(std::filesystem::path dir);
  Flusher(const Flusher&) = delete;
  Flusher& operator=(const Flusher&) = delete;
  ~Flusher();  // waits for a flush under way

  // Asks for a flush of what was written so far. A request made while a
  // flush is under way is served by one more flush after it, however many
  // came meanwhile. Where no thread can start, nothing happens: the sync the
  // caller makes anyway then does all of it.
  void request();

  // Waits for every flush asked for; false if one failed (the files written
  // before it may not be on disk).
  bool finish();

 private:
  void run();

  std::filesystem::path dir_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool pending_ = false;
  bool stopping_ = false;
  bool failed_ = false;
  std::optional<threads::ThreadBeside> thread_;
};

}  // namespace topoc::emit::io

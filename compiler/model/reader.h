// Reads one block of the syntax tree into typed values. Every key a reader
// asks for is recorded as known; `finish()` reports the rest as unknown keys
// with a "did you mean" among the known ones. Values of the wrong kind are
// reported where they are read and leave the target untouched (its default).
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/model/topology.h"
#include "dsl/syntax_tree.h"

namespace topoc::model {

// A region as written, for hints that cross kinds: a region key where a
// location belongs, or a location where a region key belongs.
struct RegionAt {
  std::string key;
  std::string location;  // the catalogue's name; empty when unknown
};

struct ReadContext {
  uint32_t file = 0;
  diag::DiagnosticSink* sink = nullptr;
  std::vector<RegionAt> regions;  // every `region` block of the topology, in order

  Location at(dsl::Span span) const { return {file, span}; }
  diag::Diagnostic& report(diag::Kind kind, dsl::Span span, std::string message) const {
    return sink->report(kind, at(span), std::move(message));
  }
};

template <typename T>
struct Choice {
  std::string_view spelling;
  T value;
};

// What the readers ask of a block, told to a tool that describes the language
// from the readers themselves (the language server's completion), so that no
// list of keys or spellings is kept twice.
enum class Asked { kAttribute, kBlock, kEither, kBoolean, kLocation, kChoice };
class ReaderObserver {
 public:
  virtual ~ReaderObserver() = default;
  // `choices`: the spellings a kChoice attribute accepts.
  virtual void asked(const dsl::Node& block, std::string_view key, Asked what,
                     std::span<const std::string_view> choices) = 0;
};
// Observes every BlockReader on this thread until set to nullptr.
void observe_readers(ReaderObserver* observer);
void tell_observer(const dsl::Node& block, std::string_view key, Asked what,
                   std::span<const std::string_view> choices = {});
bool observing_readers();

class BlockReader {
 public:
  BlockReader(const dsl::Node& block, const ReadContext& ctx);

  // The attribute `key`, if written (a second one is reported as a duplicate).
  const dsl::Node* attribute(std::string_view key);
  // Every block named `key`, in order.
  std::vector<const dsl::Node*> blocks(std::string_view key);
  // The single block named `key`, if written (more than one is a duplicate).
  const dsl::Node* block(std::string_view key);
  // Either form: `key = value` or `key { ... }` (used by `waf = true` / `waf { ... }`).
  void allow(std::string_view key) {
    known_.add(key);
    tell_observer(block_, key, Asked::kEither);
  }

  // Typed attribute readers: set `out` (value, location, explicit) when the
  // attribute is present and well formed. Return whether it was set.
  bool string(std::string_view key, Sourced<std::string>& out);
  bool name(std::string_view key, Sourced<std::string>& out);  // identifier or string
  bool integer(std::string_view key, Sourced<int64_t>& out, int64_t min, int64_t max);
  bool boolean(std::string_view key, Sourced<bool>& out);
  bool duration(std::string_view key, Sourced<int64_t>& seconds);
  bool milliseconds(std::string_view key, Sourced<int64_t>& ms);
  bool location(std::string_view key, Sourced<std::string>& out);
  bool cidr(std::string_view key, Sourced<Cidr>& out);
  bool names(std::string_view key, std::vector<Sourced<std::string>>& out);  // list of names/strings
  template <typename T>
  bool choice(std::string_view key, Sourced<T>& out, std::span<const Choice<T>> choices);

  const dsl::Node& node() const { return block_; }
  const ReadContext& context() const { return ctx_; }
  Location where() const { return ctx_.at(block_.span); }

  // Reports every attribute or block that no reader asked for.
  void finish();

 private:
  // Calls `f` with each item of the body whose key is `key`, in the order written.
  template <typename F>
  void each_keyed(std::string_view key, F&& f) const;

  // The keys asked for, in order. Most blocks are asked about a few: those
  // are held in place, and a block with many readers (a region) spills to the
  // heap once. A tenant's reader then allocates nothing.
  class KnownKeys {
   public:
    void add(std::string_view key) {
      if (spilled_.empty() && size_ < held_.size()) {
        held_[size_++] = key;
        return;
      }
      if (spilled_.empty()) spilled_.assign(held_.begin(), held_.end());
      spilled_.push_back(key);
    }
    std::span<const std::string_view> all() const {
      if (!spilled_.empty()) return spilled_;
      return {held_.data(), size_};
    }

   private:
    std::array<std::string_view, 8> held_;
    size_t size_ = 0;
    std::vector<std::string_view> spilled_;
  };

  const dsl::Node& block_;
  const ReadContext& ctx_;
  KnownKeys known_;
  // The body's items by key, in the order written: the topology block holds
  // every tenant, and each reader call would otherwise walk them all. Empty
  // for small bodies, which are walked.
  std::unordered_map<std::string_view, std::vector<const dsl::Node*>> by_key_;
};

// Value-level readers, usable on list items too.
std::optional<std::string> read_name(const ReadContext& ctx, const dsl::Value& v, std::string_view what);
std::optional<std::string> read_location(const ReadContext& ctx, const dsl::Value& v);
std::optional<int64_t> read_duration_seconds(const ReadContext& ctx, const dsl::Value& v,
                                             std::string_view what);
// The location of the region keyed `word`, when one is declared with a known
// location: the hint for a region key written where a location belongs.
std::optional<std::string> location_of_region_key(const ReadContext& ctx, std::string_view word);
// Requires exactly `count` labels; reports a syntax-shaped hint otherwise.
std::optional<std::string> single_label(const ReadContext& ctx, const dsl::Node& node,
                                        std::string_view example);
void expect_no_labels(const ReadContext& ctx, const dsl::Node& node);
void report_choice(const ReadContext& ctx, dsl::Span span, std::string_view key, std::string_view got,
                   std::span<const std::string_view> spellings);

// A choice among string spellings, read into a plain string attribute.
bool choice_string(BlockReader& r, std::string_view key, Sourced<std::string>& out,
                   std::span<const Choice<std::string_view>> choices);

template <typename T>
bool BlockReader::choice(std::string_view key, Sourced<T>& out, std::span<const Choice<T>> choices) {
  if (observing_readers()) {
    std::vector<std::string_view> spellings;
    for (const Choice<T>& c : choices) spellings.push_back(c.spelling);
    tell_observer(block_, key, Asked::kChoice, spellings);
  }
  const dsl::Node* n = attribute(key);
  if (!n) return false;
  auto text = read_name(ctx_, n->value, key);
  if (!text) return false;
  for (const Choice<T>& c : choices) {
    if (c.spelling == *text) {
      out = {c.value, ctx_.at(n->value.span), true};
      return true;
    }
  }
  std::vector<std::string_view> spellings;
  for (const Choice<T>& c : choices) spellings.push_back(c.spelling);
  report_choice(ctx_, n->value.span, key, *text, spellings);
  return false;
}

}  // namespace topoc::model

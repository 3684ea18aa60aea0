#include "compiler/format/unified_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace topoc::format {
namespace {

constexpr size_t kContext = 3;

// Lines with their line feed, so that a last line without one differs from
// the same line with one.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end);
  }
  return lines;
}

struct Snake {
  int64_t x, y, u, v;  // from (x, y) to (u, v), relative to the subproblem
};

// Marks the lines of `a` to delete and of `b` to insert, for one shortest edit script.
class Differ {
 public:
  Differ(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b)
      : a_(a), b_(b), deleted_(a.size()), inserted_(b.size()) {}

  void run() { compare(0, static_cast<int64_t>(a_.size()), 0, static_cast<int64_t>(b_.size())); }
  const std::vector<bool>& deleted() const { return deleted_; }
  const std::vector<bool>& inserted() const { return inserted_; }

 private:
  void compare(int64_t a_lo, int64_t a_hi, int64_t b_lo, int64_t b_hi) {
    while (a_lo < a_hi && b_lo < b_hi && a_[a_lo] == b_[b_lo]) ++a_lo, ++b_lo;
    while (a_lo < a_hi && b_lo < b_hi && a_[a_hi - 1] == b_[b_hi - 1]) --a_hi, --b_hi;
    if (a_lo == a_hi) {
      for (int64_t j = b_lo; j < b_hi; ++j) inserted_[j] = true;
      return;
    }
    if (b_lo == b_hi) {
      for (int64_t i = a_lo; i < a_hi; ++i) deleted_[i] = true;
      return;
    }
    Snake s = middle_snake(a_lo, a_hi, b_lo, b_hi);
    compare(a_lo, a_lo + s.x, b_lo, b_lo + s.y);
    compare(a_lo + s.u, a_hi, b_lo + s.v, b_hi);
  }

  // The middle snake of Myers' paper: the forward search from the start and
  // the backward search from the end advance one edit at a time until their
  // furthest paths overlap; the snake where they meet lies on a shortest path.
  Snake middle_snake(int64_t a_lo, int64_t a_hi, int64_t b_lo, int64_t b_hi) {
    const int64_t n = a_hi - a_lo, m = b_hi - b_lo, delta = n - m;
    const bool odd = (delta & 1) != 0;
    const int64_t max_d = (n + m + 1) / 2, offset = max_d + 1;
    std::vector<int64_t> forward(2 * max_d + 3, 0), backward(2 * max_d + 3, 0);
    auto same = [&](int64_t x, int64_t y) { return a_[a_lo + x] == b_[b_lo + y]; };
    auto same_back = [&](int64_t x, int64_t y) { return a_[a_hi - 1 - x] == b_[b_hi - 1 - y]; };
    for (int64_t d = 0; d <= max_d; ++d) {
      for (int64_t k = -d; k <= d; k += 2) {
        int64_t x = (k == -d || (k != d && forward[offset + k - 1] < forward[offset + k + 1]))
                        ? forward[offset + k + 1]
                        : forward[offset + k - 1] + 1;
        int64_t y = x - k, x0 = x, y0 = y;
        while (x < n && y < m && same(x, y)) ++x, ++y;
        forward[offset + k] = x;
        int64_t back_k = delta - k;
        if (odd && back_k >= -(d - 1) && back_k <= d - 1 && x + backward[offset + back_k] >= n) {
          return {x0, y0, x, y};
        }
      }
      for (int64_t k = -d; k <= d; k += 2) {
        int64_t x = (k == -d || (k != d && backward[offset + k - 1] < backward[offset + k + 1]))
                        ? backward[offset + k + 1]
                        : backward[offset + k - 1] + 1;
        int64_t y = x - k, x0 = x, y0 = y;
        while (x < n && y < m && same_back(x, y)) ++x, ++y;
        backward[offset + k] = x;
        int64_t forward_k = delta - k;
        if (!odd && forward_k >= -d && forward_k <= d && x + forward[offset + forward_k] >= n) {
          return {n - x, m - y, n - x0, m - y0};
        }
      }
    }
    return {0, 0, n, m};  // not reached: the searches meet by d = max_d
  }

  const std::vector<uint32_t>& a_;
  const std::vector<uint32_t>& b_;
  std::vector<bool> deleted_;
  std::vector<bool> inserted_;
};

// A line found only on one side is deleted or inserted in every shortest
// edit script; the search runs on the other lines alone, so that texts that
// differ on every line (a file indented anew) take linear time, not quadratic.
void mark_changes(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                  std::vector<bool>& deleted, std::vector<bool>& inserted) {
  uint32_t ids = 0;
  for (uint32_t id : a) ids = std::max(ids, id + 1);
  for (uint32_t id : b) ids = std::max(ids, id + 1);
  std::vector<bool> in_a(ids), in_b(ids);
  for (uint32_t id : a) in_a[id] = true;
  for (uint32_t id : b) in_b[id] = true;
  std::vector<uint32_t> a_shared, b_shared;
  std::vector<size_t> a_index, b_index;
  deleted.assign(a.size(), true);
  inserted.assign(b.size(), true);
  for (size_t i = 0; i < a.size(); ++i) {
    if (in_b[a[i]]) a_shared.push_back(a[i]), a_index.push_back(i);
  }
  for (size_t j = 0; j < b.size(); ++j) {
    if (in_a[b[j]]) b_shared.push_back(b[j]), b_index.push_back(j);
  }
  Differ differ(a_shared, b_shared);
  differ.run();
  for (size_t i = 0; i < a_index.size(); ++i) deleted[a_index[i]] = differ.deleted()[i];
  for (size_t j = 0; j < b_index.size(); ++j) inserted[b_index[j]] = differ.inserted()[j];
}

enum class Op : char { kKeep = ' ', kDelete = '-', kInsert = '+' };

struct Edit {
  Op op;
  size_t a, b;  // line indexes before the edit in each text
};

void append_line(std::string& out, char prefix, std::string_view line) {
  out += prefix;
  out += line;
  if (!line.ends_with('\n')) out += "\n\\ No newline at end of file\n";
}

std::string range(size_t start, size_t count) {
  // `diff -u` names an empty range by the line before it.
  if (count == 0) return fmt::format("{},0", start);
  if (count == 1) return fmt::format("{}", start + 1);
  return fmt::format("{},{}", start + 1, count);
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after,
                         std::string_view before_label, std::string_view after_label) {
  if (before == after) return {};
  std::vector<std::string_view> a = split_lines(before), b = split_lines(after);
  std::unordered_map<std::string_view, uint32_t> ids;
  auto id_of = [&](std::string_view line) {
    return ids.emplace(line, static_cast<uint32_t>(ids.size())).first->second;
  };
  std::vector<uint32_t> a_ids, b_ids;
  for (std::string_view line : a) a_ids.push_back(id_of(line));
  for (std::string_view line : b) b_ids.push_back(id_of(line));
  std::vector<bool> deleted, inserted;
  mark_changes(a_ids, b_ids, deleted, inserted);

  std::vector<Edit> edits;
  for (size_t i = 0, j = 0; i < a.size() || j < b.size();) {
    if (i < a.size() && deleted[i]) {
      edits.push_back({Op::kDelete, i++, j});
    } else if (j < b.size() && inserted[j]) {
      edits.push_back({Op::kInsert, i, j++});
    } else {
      edits.push_back({Op::kKeep, i++, j++});
    }
  }

  std::string out = fmt::format("--- {}\n+++ {}\n", before_label, after_label);
  for (size_t e = 0; e < edits.size();) {
    if (edits[e].op == Op::kKeep) {
      ++e;
      continue;
    }
    // A hunk: from kContext lines before this change to kContext lines after
    // the last change that is at most 2 * kContext unchanged lines from the next.
    size_t first = e >= kContext ? e - kContext : 0, last = e;
    for (size_t k = e; k < edits.size(); ++k) {
      if (edits[k].op != Op::kKeep)
        last = k;
      else if (k - last > 2 * kContext)
        break;
    }
    size_t end = std::min(edits.size(), last + 1 + kContext);
    size_t a_count = 0, b_count = 0;
    for (size_t k = first; k < end; ++k) {
      a_count += edits[k].op != Op::kInsert;
      b_count += edits[k].op != Op::kDelete;
    }
    out += fmt::format("@@ -{} +{} @@\n", range(edits[first].a, a_count),
                       range(edits[first].b, b_count));
    for (size_t k = first; k < end; ++k) {
      const Edit& edit = edits[k];
      append_line(out, static_cast<char>(edit.op), edit.op == Op::kInsert ? b[edit.b] : a[edit.a]);
    }
    e = end;
  }
  return out;
}

}  // namespace topoc::format

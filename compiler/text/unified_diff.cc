#include "compiler/text/unified_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace topoc {
namespace {

struct Line {
  std::string_view text;  // without its newline
  bool newline = true;    // false only for a last line without one
};

std::vector<Line> split(std::string_view text) {
  std::vector<Line> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    if (end == std::string_view::npos) {
      lines.push_back({text, false});
      break;
    }
    lines.push_back({text.substr(0, end), true});
    text.remove_prefix(end + 1);
  }
  return lines;
}

bool same(const Line& a, const Line& b) {
  return a.text == b.text && a.newline == b.newline;
}

enum class Op { kKeep, kDelete, kInsert };

// Myers' greedy shortest edit script, keeping each round's frontier to walk
// the path back. Memory is O(D^2) in the number of differences, which stays
// small for what `build --check --diff` compares: a build against the last one.
std::vector<Op> edit_script(const std::vector<Line>& a, const std::vector<Line>& b) {
  const long n = static_cast<long>(a.size()), m = static_cast<long>(b.size());
  const long max = n + m;
  std::vector<long> v(2 * max + 2, 0);
  std::vector<std::vector<long>> trace;
  auto at = [&](long k) -> long& { return v[static_cast<size_t>(k + max + 1)]; };
  long final_d = 0;
  for (long d = 0; d <= max; ++d) {
    trace.push_back(v);
    bool done = false;
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      long y = x - k;
      while (x < n && y < m && same(a[static_cast<size_t>(x)], b[static_cast<size_t>(y)])) ++x, ++y;
      at(k) = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    if (done) {
      final_d = d;
      break;
    }
  }
  std::vector<Op> ops;
  long x = n, y = m;
  for (long d = final_d; d > 0; --d) {
    const std::vector<long>& pv = trace[static_cast<size_t>(d)];
    auto prev = [&](long k) { return pv[static_cast<size_t>(k + max + 1)]; };
    long k = x - y;
    long prev_k = (k == -d || (k != d && prev(k - 1) < prev(k + 1))) ? k + 1 : k - 1;
    long prev_x = prev(prev_k), prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      ops.push_back(Op::kKeep);
      --x, --y;
    }
    ops.push_back(x == prev_x ? Op::kInsert : Op::kDelete);
    x = prev_x, y = prev_y;
  }
  while (x > 0 && y > 0) {
    ops.push_back(Op::kKeep);
    --x, --y;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

void append_line(std::string& out, char mark, const Line& line) {
  out += mark;
  out += line.text;
  out += '\n';
  if (!line.newline) out += "\\ No newline at end of file\n";
}

// `-l,s` as diff writes it: a range of zero lines names the line before it.
std::string range(size_t start, size_t count) {
  if (count == 1) return fmt::format("{}", start + 1);
  return fmt::format("{},{}", count == 0 ? start : start + 1, count);
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, const DiffLabels& labels,
                         size_t context) {
  std::vector<Line> a = split(before), b = split(after);
  std::vector<Op> ops = edit_script(a, b);
  // Positions in a and b at each op.
  std::vector<size_t> ai(ops.size() + 1), bi(ops.size() + 1);
  for (size_t i = 0; i < ops.size(); ++i) {
    ai[i + 1] = ai[i] + (ops[i] != Op::kInsert);
    bi[i + 1] = bi[i] + (ops[i] != Op::kDelete);
  }
  std::string out;
  size_t i = 0;
  while (i < ops.size()) {
    if (ops[i] == Op::kKeep) {
      ++i;
      continue;
    }
    // A hunk: from `context` keeps before this change to `context` keeps
    // after the last change that is closer than 2 * context to the next.
    size_t start = i >= context ? i - context : 0;
    while (start < i && ops[start] != Op::kKeep) ++start;
    size_t end = i;
    for (;;) {
      while (end < ops.size() && ops[end] != Op::kKeep) ++end;
      size_t keeps = 0;
      while (end + keeps < ops.size() && ops[end + keeps] == Op::kKeep) ++keeps;
      if (end + keeps < ops.size() && keeps <= 2 * context) {
        end += keeps;
        continue;
      }
      end += std::min(keeps, context);
      break;
    }
    if (out.empty()) out = fmt::format("--- {}\n+++ {}\n", labels.from, labels.to);
    out += fmt::format("@@ -{} +{} @@\n", range(ai[start], ai[end] - ai[start]),
                       range(bi[start], bi[end] - bi[start]));
    for (size_t j = start; j < end; ++j) {
      switch (ops[j]) {
        case Op::kKeep:
          append_line(out, ' ', a[ai[j]]);
          break;
        case Op::kDelete:
          append_line(out, '-', a[ai[j]]);
          break;
        case Op::kInsert:
          append_line(out, '+', b[bi[j]]);
          break;
      }
    }
    i = end;
  }
  return out;
}

}  // namespace topoc

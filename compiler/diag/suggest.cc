#include "compiler/diag/suggest.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace topoc::diag {

// Optimal string alignment distance, case-insensitive: a transposition costs one.
size_t edit_distance(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  // Three rolling rows: the transposition step looks two rows back.
  std::vector<size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

namespace {

bool same_text(std::string_view a, std::string_view b) {
  return a.size() == b.size() && edit_distance(a, b) == 0;
}

// Whether `word` is one whole `-`/`_`-separated part of `candidate`: `search`
// of `ai_search`, `eu` of `eu-data-boundary`.
bool is_part_of(std::string_view word, std::string_view candidate) {
  size_t begin = 0;
  while (begin <= candidate.size()) {
    size_t end = candidate.find_first_of("-_", begin);
    if (end == std::string_view::npos) end = candidate.size();
    if (same_text(word, candidate.substr(begin, end - begin))) return true;
    begin = end + 1;
  }
  return false;
}

}  // namespace

std::optional<std::string> closest(std::string_view word,
                                   std::span<const std::string_view> candidates) {
  // Long words: words far apart in length cannot be typos of each other.
  if (word.size() > 64) return std::nullopt;
  size_t limit = std::max<size_t>(1, word.size() / 3);
  std::optional<std::string> best;
  size_t best_distance = limit + 1;
  for (std::string_view c : candidates) {
    size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(c);
    }
  }
  if (best || word.size() < 2) return best;
  // Not a typo: perhaps a short form that names one part of exactly one
  // candidate, as people shorten `ai_search` to `search`.
  for (std::string_view c : candidates) {
    if (c.size() == word.size() || !is_part_of(word, c)) continue;
    if (best) return std::nullopt;  // ambiguous
    best = std::string(c);
  }
  return best;
}

std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates) {
  std::vector<std::string_view> views(candidates.begin(), candidates.end());
  return closest(word, views);
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  auto best = closest(word, candidates);
  return best ? fmt::format("; did you mean `{}`?", *best) : std::string();
}

}  // namespace topoc::diag

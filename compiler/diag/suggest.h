// "did you mean" suggestions: the closest candidate by edit distance.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace topoc::diag {

size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a plausible
// typo; failing that, the only candidate of which `word` is one whole `-`/`_`
// separated part (`search` for `ai_search`, `eu` for `eu-data-boundary`).
std::optional<std::string> closest(std::string_view word, std::span<const std::string_view> candidates);
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

// "; did you mean `x`?" or "".
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace topoc::diag

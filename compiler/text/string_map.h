// A hash map keyed by strings that is looked up by std::string_view, so a
// lookup neither allocates a key nor walks a tree of string comparisons.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace topoc {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <typename T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

}  // namespace topoc

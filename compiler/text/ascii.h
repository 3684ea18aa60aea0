// ASCII case folding. Azure compares names, resource ids and enum values
// without regard to case, and all of them are ASCII; locale-aware folding
// would be slower and could change other bytes of a UTF-8 name.
#pragma once

#include <string>
#include <string_view>

namespace topoc {

inline char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

// Appends `s`, folded, to `out`: a key built from several names without a
// string for each.
inline void append_lower(std::string& out, std::string_view s) {
  size_t at = out.size();
  out.append(s);
  for (size_t i = at; i < out.size(); ++i) out[i] = lower(out[i]);
}

}  // namespace topoc

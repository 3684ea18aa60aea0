// ASCII case folding. Azure compares names, resource ids and enum values
// without regard to case, and all of them are ASCII; locale-aware folding
// would be slower and could change other bytes of a UTF-8 name.
#pragma once

#include <string>
#include <string_view>

namespace topoc {

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace topoc

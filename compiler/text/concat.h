// Joins pieces of text into one string, sized once. For the names and
// addresses built for every resource of an estate, where a format string's
// parsing costs more than the joining.
#pragma once

#include <string>
#include <string_view>

namespace topoc {

template <typename... Pieces>
std::string concat(const Pieces&... pieces) {
  std::string out;
  out.reserve((std::string_view(pieces).size() + ...));
  (out.append(std::string_view(pieces)), ...);
  return out;
}

}  // namespace topoc

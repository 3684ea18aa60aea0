// Where a placement can be besides an Azure region: the edge locations of
// a global service, which no residency boundary lists.
#pragma once

#include <string>
#include <string_view>

namespace topoc::estate {

// Front Door's points of presence, worldwide: a cached route's responses
// may be kept at any of them, nearest each user (Microsoft Learn, "Caching
// with Azure Front Door"). Azure offers no way to pin them to a geography.
inline constexpr std::string_view kFrontDoorEdge = "frontdoor-edge";
inline constexpr std::string_view kFrontDoorEdgeDisplay = "every Front Door edge location";

// A placement location as a message shows it: an Azure region quoted
// (`westeurope`), an edge location in words.
inline std::string location_in_words(std::string_view location) {
  if (location == kFrontDoorEdge) return std::string(kFrontDoorEdgeDisplay);
  std::string out = "`";
  out += location;
  out += '`';
  return out;
}

}  // namespace topoc::estate

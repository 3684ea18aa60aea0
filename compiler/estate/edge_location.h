// Where a placement can be besides an Azure region: the edge locations of
// a global service, which no residency boundary lists.
#pragma once

#include <string_view>

namespace topoc::estate {

// Front Door's points of presence, worldwide: a cached route's responses
// may be kept at any of them, nearest each user (Microsoft Learn, "Caching
// with Azure Front Door"). Azure offers no way to pin them to a geography.
inline constexpr std::string_view kFrontDoorEdge = "frontdoor-edge";
inline constexpr std::string_view kFrontDoorEdgeDisplay = "every Front Door edge location";

}  // namespace topoc::estate

#include "compiler/estate/resource.h"

namespace topoc::estate {

std::string_view to_string(PlacementKind kind) {
  switch (kind) {
    case PlacementKind::kPrimary:
      return "primary";
    case PlacementKind::kReplica:
      return "replica";
    case PlacementKind::kFailover:
      return "failover";
    case PlacementKind::kGeoPairCopy:
      return "geo-pair copy";
    case PlacementKind::kBackupCopy:
      return "backup copy";
    case PlacementKind::kProcessing:
      return "processing";
    case PlacementKind::kCacheEdge:
      return "cache/edge";
    case PlacementKind::kLogSink:
      return "log sink";
  }
  return "";
}

}  // namespace topoc::estate

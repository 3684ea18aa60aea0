// One Azure resource of the estate and the places it keeps or moves data.
// Backends render resources; the residency engine (compiler/residency/)
// checks their placements. Neither plans anything of its own.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/model/topology.h"

namespace topoc::estate {

// Why data of a resource is somewhere. Each kind is a different promise a
// residency boundary has to keep.
enum class PlacementKind {
  kPrimary,      // where the resource itself lives and stores data
  kReplica,      // a zone or region replica the service keeps in sync
  kFailover,     // where the workload moves when its region fails
  kGeoPairCopy,  // a copy Azure makes in the location's paired region
  kBackupCopy,   // where backups are kept
  kProcessing,   // where requests may be processed (not stored)
  kCacheEdge,    // a cache or edge copy
  kLogSink,      // where logs and telemetry about the data land
};

// "primary", "replica", "failover", "geo-pair copy", ... (docs/estate.md).
std::string_view to_string(PlacementKind kind);

// One step of the reason a placement exists, pointing at the DSL that causes
// it: "`region \"weu\"` sets `storage { replication = GRS }`".
struct ReasonStep {
  diag::Location at;  // empty span when the step is a default nobody wrote
  std::string text;
};

struct Breach;

// How a placement's finding reads. Null means the engine's generic wording
// for the kind; a service words its own findings by pointing here.
using Wording = void (*)(const Breach&, diag::DiagnosticSink&);

struct Placement {
  PlacementKind kind = PlacementKind::kPrimary;
  // Azure locations (catalogue names) the data may be in: one for storage,
  // several where Azure picks among them (processing in a data zone). Empty
  // with `absent` set when Azure offers no such place at all.
  std::vector<std::string> locations;
  bool absent = false;
  std::string from;  // for a copy: the location it is copied from
  std::vector<ReasonStep>
      reasons;  // outermost cause first; reasons[0].at is where a finding points
  // A placement only derived from a default that another placement already
  // covers (an OpenAI account in its region's own location): listed, not
  // reported twice.
  bool checked = true;
  Wording wording = nullptr;
  // What the placed data is. A non-personal placement outside a boundary is
  // no breach: the engine records it as an exemption, with `reasons` leading
  // back to the `data = non-personal` declaration.
  model::DataClass data_class = model::DataClass::kPersonal;
};

// A placement outside a boundary, as the residency engine hands it to a
// wording: the resource, the placement, the boundary it leaves and the
// locations that are outside it.
struct Resource;
struct Breach {
  enum class Why {
    kOutside,         // locations outside the boundary
    kAbsent,          // Azure offers no such place (no pair, no data zone)
    kOtherGeography,  // a geo-pair copy lands in another Azure geography
  };
  Why why = Why::kOutside;
  const Resource* resource = nullptr;
  const Placement* placement = nullptr;
  const model::Topology* topology = nullptr;
  // The first holder boundary (in declaration order) the placement breaks;
  // a resource holding several boundaries' data is worded once.
  const model::Boundary* boundary = nullptr;
  std::vector<std::string> outside;  // the placement's locations the boundary refuses
};

struct Resource {
  // Stable key, written as the resource's Terraform address: the address
  // Terraform state, the manifest and drift key on.
  std::string key;
  std::string azurerm_type;
  std::string arm_type;  // "Microsoft.Storage/storageAccounts"; empty where ARM has a property
  std::string name;      // computed once by compiler/naming; "" when Azure names it
  std::string resource_group;  // "" for resource groups themselves and subscription objects
  std::string location;        // catalogue name, "global", or "" for location-less objects
  std::string boundary;        // the boundary it belongs to; "" for global resources
  bool tagged = false;         // carries the estate's tags
  // What backends set and drift compares, under azurerm attribute names.
  nlohmann::json properties = nlohmann::json::object();
  diag::Location source;                  // the DSL element it comes from
  const model::Region* region = nullptr;  // the region it belongs to; null for global parts
  std::vector<std::string> depends_on;    // keys of resources it needs first
  // Boundaries (indices into Topology::boundaries) whose tenants' data it holds.
  std::vector<size_t> holders;
  std::vector<Placement> placements;
};

}  // namespace topoc::estate

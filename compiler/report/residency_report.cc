#include "compiler/report/residency_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "compiler/catalog/region_catalog.h"
#include "compiler/diag/suggest.h"
#include "compiler/estate/edge_location.h"
#include "compiler/text/visible.h"

namespace topoc::report {

std::string_view kind_key(estate::PlacementKind kind) {
  switch (kind) {
    case estate::PlacementKind::kPrimary:
      return "primary";
    case estate::PlacementKind::kReplica:
      return "replica";
    case estate::PlacementKind::kFailover:
      return "failover";
    case estate::PlacementKind::kGeoPairCopy:
      return "geo-pair-copy";
    case estate::PlacementKind::kBackupCopy:
      return "backup-copy";
    case estate::PlacementKind::kProcessing:
      return "processing";
    case estate::PlacementKind::kCacheEdge:
      return "cache-edge";
    case estate::PlacementKind::kLogSink:
      return "log-sink";
  }
  return "";
}

std::string_view kind_title(estate::PlacementKind kind) {
  switch (kind) {
    case estate::PlacementKind::kPrimary:
      return "Stored";
    case estate::PlacementKind::kReplica:
      return "Replicated";
    case estate::PlacementKind::kFailover:
      return "Failover";
    case estate::PlacementKind::kGeoPairCopy:
      return "Geo-pair copy";
    case estate::PlacementKind::kBackupCopy:
      return "Backup copy";
    case estate::PlacementKind::kProcessing:
      return "Processing";
    case estate::PlacementKind::kCacheEdge:
      return "Edge caching";
    case estate::PlacementKind::kLogSink:
      return "Logs and telemetry";
  }
  return "";
}

std::string_view kind_meaning(estate::PlacementKind kind) {
  switch (kind) {
    case estate::PlacementKind::kPrimary:
      return "The data is stored here: this is where the resource itself lives.";
    case estate::PlacementKind::kReplica:
      return "A copy the service keeps in sync with the stored data, for availability or reads.";
    case estate::PlacementKind::kFailover:
      return "Where the workload, and the data it serves, moves when its own region fails.";
    case estate::PlacementKind::kGeoPairCopy:
      return "A copy Azure keeps in the region paired with the stored location, for disaster "
             "recovery.";
    case estate::PlacementKind::kBackupCopy:
      return "Where backups of the data are kept.";
    case estate::PlacementKind::kProcessing:
      return "Where requests carrying the data may be processed, without being stored there.";
    case estate::PlacementKind::kCacheEdge:
      return "A temporary copy kept close to users to answer them faster.";
    case estate::PlacementKind::kLogSink:
      return "Where logs and telemetry about the data are kept; they can contain personal data.";
  }
  return "";
}

std::string_view from_phrase(estate::PlacementKind kind) {
  switch (kind) {
    case estate::PlacementKind::kReplica:
    case estate::PlacementKind::kGeoPairCopy:
    case estate::PlacementKind::kBackupCopy:
    case estate::PlacementKind::kCacheEdge:
      return "copied from";
    case estate::PlacementKind::kFailover:
      return "failing over from";
    default:
      return "from";
  }
}

std::vector<std::vector<const PlacedLocation*>> locations_with_same_resources(const KindGroup& g) {
  std::vector<std::vector<const PlacedLocation*>> out;
  std::map<std::string, size_t> index;
  for (const PlacedLocation& l : g.locations) {
    std::string signature = l.allowed ? "1" : "0";
    for (const PlacedResource& r : l.resources) {
      signature += '\0' + r.key + '\0' + r.from;
      for (const Reason& reason : r.reasons) {
        signature += fmt::format("\1{}:{}\1{}", reason.at.file, reason.at.line, reason.text);
      }
    }
    auto [it, added] = index.emplace(std::move(signature), out.size());
    if (added) out.emplace_back();
    out[it->second].push_back(&l);
  }
  return out;
}

namespace {

constexpr std::array<estate::PlacementKind, kPlacementKinds> kKinds = {
    estate::PlacementKind::kPrimary,    estate::PlacementKind::kReplica,
    estate::PlacementKind::kFailover,   estate::PlacementKind::kGeoPairCopy,
    estate::PlacementKind::kBackupCopy, estate::PlacementKind::kProcessing,
    estate::PlacementKind::kCacheEdge,  estate::PlacementKind::kLogSink};

SourceLine source_line(const std::vector<dsl::SourceFile>& files, const diag::Location& at) {
  if (at.file >= files.size()) return {};
  const dsl::SourceFile& f = files[at.file];
  // An empty span at the start is a default nobody wrote.
  if (at.span.begin == at.span.end && at.span.begin == 0) return {f.path(), 0};
  return {f.path(), f.line_col(at.span.begin).line};
}

PlacedResource placed(const estate::Resource& r, const estate::Placement& p,
                      const std::vector<dsl::SourceFile>& files) {
  PlacedResource out{r.name.empty() ? r.key : r.name, r.azurerm_type, r.key, p.from, {}};
  out.reasons.reserve(p.reasons.size());
  for (const estate::ReasonStep& step : p.reasons) {
    out.reasons.push_back({source_line(files, step.at), step.text});
  }
  return out;
}

// Resources of one location, sorted; a resource placed twice in the same
// location under one kind (its own placement and its region's) is listed
// once with every distinct reason.
void sort_and_merge(std::vector<PlacedResource>& resources) {
  std::stable_sort(resources.begin(), resources.end(),
                   [](const PlacedResource& a, const PlacedResource& b) {
                     return std::tie(a.name, a.key) < std::tie(b.name, b.key);
                   });
  std::vector<PlacedResource> merged;
  merged.reserve(resources.size());
  for (PlacedResource& r : resources) {
    if (!merged.empty() && merged.back().key == r.key) {
      for (Reason& reason : r.reasons) {
        auto& kept = merged.back().reasons;
        bool seen = std::any_of(kept.begin(), kept.end(), [&](const Reason& k) {
          return k.text == reason.text && k.at.line == reason.at.line;
        });
        if (!seen) kept.push_back(std::move(reason));
      }
      continue;
    }
    merged.push_back(std::move(r));
  }
  resources = std::move(merged);
}

std::string policy_effect(const model::Boundary& b) {
  std::string locations;
  for (const std::string& l : b.allowed_locations) {
    locations += (locations.empty() ? "" : ", ") + l;
  }
  return "denies creating or moving a resource to a location other than " + locations +
         " (global resources excepted)";
}

std::vector<PolicyGuard> guards_of(const estate::Estate& e, const model::Boundary& b) {
  std::vector<PolicyGuard> out;
  const estate::BoundaryPlan* plan = e.find_boundary(b.name);
  if (!plan) return out;
  std::string deny_geo;
  for (const estate::SharedPolicy& p : e.shared_policies) {
    if (p.key == "deny-geo-redundant-storage") deny_geo = p.name;
  }
  for (const estate::PolicyScope& s : plan->policy_scopes) {
    out.push_back({s.assignment_name, s.resource_group, plan->policy_name, policy_effect(b)});
    if (s.deny_geo_redundant_storage) {
      out.push_back({deny_geo, s.resource_group, deny_geo,
                     "denies geo-redundant storage accounts, whose Azure pair is outside the "
                     "boundary"});
    }
  }
  return out;
}

std::vector<std::string> assumptions_of(const model::Topology& t) {
  std::vector<std::string> out;
  out.push_back(
      "topoc sees only what this topology declares. Resources created by hand or by other "
      "tools, and copies people make (exports, downloads, files attached to support requests), "
      "are not in this report; `topoc drift` compares what is deployed with the topology.");
  bool aks = std::any_of(t.regions.begin(), t.regions.end(),
                         [](const model::Region& r) { return r.aks.has_value(); });
  if (aks) {
    out.push_back(
        "The applications running inside the Kubernetes (AKS) clusters are not visible to "
        "topoc. Where they send data (other services, third-party APIs, their own logs) depends "
        "on their code and settings and has to be assessed separately.");
  }
  out.push_back(
      "Application traffic: users' requests and the answers cross networks outside the "
      "platform before they reach a region. The locations listed are where the platform keeps "
      "or processes data, not every network path the data crosses.");
  if (t.frontdoor) {
    out.push_back(
        "Azure Front Door is a global service: it receives users' requests at Microsoft's edge "
        "locations, nearest to each user wherever they are, and forwards them to the regions "
        "listed. An edge location keeps a copy only where a route caches, listed as edge "
        "caching.");
  }
  out.push_back(
      "Identities and sign-in data live in the Microsoft Entra ID tenant, which the topology "
      "does not describe.");
  out.push_back(
      "Microsoft's own processing as the provider (support, security operations, service "
      "telemetry) follows Microsoft's contractual terms, not this topology.");
  out.push_back(
      "The Azure Policy assignments act when a resource is created or changed, on the "
      "resource's location. They do not see where a service copies data within itself (a "
      "replica, a geo-pair copy, a backup); those copies are listed from the topology's "
      "settings.");
  return out;
}

// Every resource with placements declared non-personal that holds data of
// a reported boundary: where those placements are, the boundaries whose
// locations they leave, and the reasons of the first.
std::vector<Exemption> exemptions_of(const estate::Estate& e,
                                     const std::vector<dsl::SourceFile>& files,
                                     const std::vector<int>& slot) {
  const model::Topology& t = *e.topology;
  std::vector<Exemption> out;
  for (const estate::Resource& r : e.resources) {
    bool reported = std::any_of(r.holders.begin(), r.holders.end(),
                                [&](size_t h) { return h < slot.size() && slot[h] >= 0; });
    if (!reported) continue;
    std::set<std::string> locations;
    std::vector<bool> left(t.boundaries.size(), false);
    const estate::Placement* first = nullptr;
    for (const estate::Placement& p : r.placements) {
      if (p.data_class == model::DataClass::kPersonal) continue;
      if (!first) first = &p;
      locations.insert(p.locations.begin(), p.locations.end());
      for (size_t h : r.holders) {
        const model::Boundary& b = t.boundaries[h];
        if (b.allowed_locations.empty()) continue;
        for (const std::string& l : p.locations) left[h] = left[h] || !b.allows(l);
      }
    }
    if (!first) continue;
    Exemption x{r.name.empty() ? r.key : r.name,
                r.azurerm_type,
                r.key,
                model::to_string(first->data_class),
                {locations.begin(), locations.end()},
                {},
                placed(r, *first, files).reasons};
    for (size_t h = 0; h < left.size(); ++h) {
      if (left[h]) x.left_boundaries.push_back(t.boundaries[h].name);
    }
    out.push_back(std::move(x));
  }
  std::stable_sort(out.begin(), out.end(), [](const Exemption& a, const Exemption& b) {
    return std::tie(a.name, a.key) < std::tie(b.name, b.key);
  });
  return out;
}

std::vector<std::string_view> boundary_names(const model::Topology& t) {
  std::vector<std::string_view> out;
  for (const model::Boundary& b : t.boundaries) out.push_back(b.name);
  return out;
}

}  // namespace

std::string find_scope_error(const model::Topology& t, const ReportScope& scope) {
  if (scope.scope == ResidencyReport::Scope::kBoundary) {
    if (t.find_boundary(scope.name)) return "";
    return fmt::format("no boundary `{}` in `{}`{}", visible(truncated(scope.name)),
                       visible(t.name), diag::did_you_mean(scope.name, boundary_names(t)));
  }
  if (scope.scope == ResidencyReport::Scope::kTenant) {
    std::vector<std::string_view> names;
    names.reserve(t.tenants.size());
    for (const model::Tenant& tenant : t.tenants) {
      if (tenant.name == scope.name) return "";
      names.push_back(tenant.name);
    }
    return fmt::format("no tenant `{}` in `{}`{}", visible(truncated(scope.name)), visible(t.name),
                       diag::did_you_mean(scope.name, names));
  }
  return "";
}

ResidencyReport build_residency_report(const estate::Estate& e,
                                       const std::vector<dsl::SourceFile>& files,
                                       const std::string& file, const ReportScope& scope) {
  const model::Topology& t = *e.topology;
  ResidencyReport report;
  report.topology = t.name;
  report.file = file;
  report.environment = e.environment;
  report.scope = scope.scope;
  report.selected = scope.name;

  const model::Tenant* tenant = nullptr;
  if (scope.scope == ResidencyReport::Scope::kTenant) {
    for (const model::Tenant& candidate : t.tenants) {
      if (candidate.name == scope.name) tenant = &candidate;
    }
  }
  // Report slot of each boundary of the topology, -1 when not reported.
  std::vector<int> slot(t.boundaries.size(), -1);
  for (size_t i = 0; i < t.boundaries.size(); ++i) {
    const model::Boundary& b = t.boundaries[i];
    bool wanted = scope.scope == ResidencyReport::Scope::kAll ||
                  (scope.scope == ResidencyReport::Scope::kBoundary && b.name == scope.name) ||
                  (tenant && tenant->boundary == i);
    if (!wanted) continue;
    slot[i] = static_cast<int>(report.boundaries.size());
    BoundaryResidency out;
    out.name = b.name;
    out.declared = source_line(files, b.location);
    out.geography = b.geography.value;
    out.allowed_locations = b.allowed_locations;
    for (const model::Region* r : t.regions_in(i)) out.region_keys.push_back(r->key);
    out.guards = guards_of(e, b);
    report.boundaries.push_back(std::move(out));
  }
  for (const model::Tenant& candidate : t.tenants) {
    if (candidate.boundary >= slot.size() || slot[candidate.boundary] < 0) continue;
    if (tenant && &candidate != tenant) continue;
    report.boundaries[slot[candidate.boundary]].tenants.push_back(
        {candidate.name, source_line(files, candidate.location), candidate.home.value});
  }

  // Per reported boundary and kind: location -> resources.
  using ByLocation = std::map<std::string, std::vector<PlacedResource>>;
  std::vector<std::array<ByLocation, kPlacementKinds>> grouped(report.boundaries.size());
  for (const estate::Resource& r : e.resources) {
    bool reported = std::any_of(r.holders.begin(), r.holders.end(),
                                [&](size_t h) { return h < slot.size() && slot[h] >= 0; });
    if (!reported) continue;
    for (const estate::Placement& p : r.placements) {
      // Non-personal data is listed with the exemptions, not as where the
      // boundaries' personal data goes.
      if (p.data_class != model::DataClass::kPersonal) continue;
      PlacedResource resource = placed(r, p, files);
      for (size_t h : r.holders) {
        if (h >= slot.size() || slot[h] < 0) continue;
        size_t s = static_cast<size_t>(slot[h]);
        if (p.absent) report.boundaries[s].absent.push_back({p.kind, resource});
        for (const std::string& location : p.locations) {
          grouped[s][static_cast<size_t>(p.kind)][location].push_back(resource);
        }
      }
    }
  }
  for (size_t s = 0; s < report.boundaries.size(); ++s) {
    BoundaryResidency& b = report.boundaries[s];
    const model::Boundary* boundary = t.find_boundary(b.name);
    std::map<std::string, bool> reached;
    for (estate::PlacementKind kind : kKinds) {
      ByLocation& locations = grouped[s][static_cast<size_t>(kind)];
      if (locations.empty()) continue;
      KindGroup group{kind, {}};
      for (auto& [location, resources] : locations) {
        const catalog::RegionInfo* info = catalog::find_region(location);
        std::string display = info ? std::string(info->display) : location;
        if (location == estate::kFrontDoorEdge) display = estate::kFrontDoorEdgeDisplay;
        PlacedLocation placed_at{location, std::move(display),
                                 info ? std::string(info->country) : "",
                                 boundary && boundary->allows(location), std::move(resources)};
        sort_and_merge(placed_at.resources);
        reached[location] = placed_at.allowed;
        group.locations.push_back(std::move(placed_at));
      }
      b.kinds.push_back(std::move(group));
    }
    for (const auto& [location, allowed] : reached) {
      b.reached.push_back(location);
      if (!allowed) b.outside.push_back(location);
    }
  }
  report.exemptions = exemptions_of(e, files, slot);
  report.assumptions = assumptions_of(t);
  return report;
}

}  // namespace topoc::report

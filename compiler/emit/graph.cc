#include "compiler/emit/graph.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "compiler/estate/estate.h"
#include "compiler/services/frontdoor/unrouted.h"
#include "compiler/text/visible.h"

namespace topoc::emit {
namespace {

// The diagram both syntaxes draw: built once from the model and its estate's
// placements, so Mermaid and DOT always show the same thing. Node ids are
// indexes, never user text.
enum class Shape { kBox, kTenant, kFrontDoor, kTrafficManager, kExternal, kPlaceholder, kRefused };

struct Node {
  std::string id;
  std::vector<std::string> lines;  // user text, escaped only when printed
  Shape shape = Shape::kBox;
  bool dashed = false;
  bool copy_location = false;  // a location only the estate's copies reach
};

struct Group {
  std::string id;
  std::vector<std::string> lines;
  std::vector<Node> nodes;  // never empty: a placeholder stands in for no regions
};

struct Edge {
  std::string from;
  std::string to;
  std::string label;
  bool dashed = false;
  bool to_group = false;    // `to` is a group id
  bool from_group = false;  // `from` is a group id
  const char* kind = nullptr;  // set where the edge's origin does not say it
  bool both_ways = false;      // drawn with an arrowhead at each end
};

struct Diagram {
  std::string title;
  std::vector<Group> groups;
  std::vector<Node> loose;  // outside every boundary
  std::vector<Edge> edges;
};

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

std::vector<std::string> boundary_lines(const model::Boundary& b) {
  std::vector<std::string> lines{"boundary " + b.name};
  if (b.geography.explicit_) lines.push_back(b.geography.value);
  if (!b.explicit_locations.empty()) {
    std::vector<std::string> names;
    for (const auto& l : b.explicit_locations) names.push_back(l.value);
    lines.push_back("only " + join(names, ", "));
  }
  return lines;
}

Node region_node(const model::Region& r, size_t index) {
  Node n{fmt::format("r{}", index), {"region " + r.key}};
  if (!r.location.value.empty()) n.lines.push_back(r.location.value);
  if (r.address_space.explicit_) n.lines.push_back(r.address_space.value.to_string());
  return n;
}

class DiagramBuilder {
 public:
  DiagramBuilder(const model::Topology& t, const GraphOptions& options) : t_(t), options_(options) {}

  Diagram build() {
    d_.title = t_.name;
    placed_.assign(t_.regions.size(), false);
    for (size_t i = 0; i < t_.regions.size(); ++i) {
      region_ids_.emplace(t_.regions[i].location.value, i);
      regions_named_[t_.regions[i].boundary_name.value].push_back(i);
    }
    for (size_t b = 0; b < t_.boundaries.size(); ++b) add_boundary(b);
    for (size_t i = 0; i < t_.regions.size(); ++i) {
      if (!placed_[i]) d_.loose.push_back(region_node(t_.regions[i], i));
    }
    for (size_t i = 0; i < t_.regions.size(); ++i) add_failover(i);
    add_peerings();
    add_copies();
    if (t_.tenants.size() > options_.max_tenants) {
      add_tenant_counts();
    } else {
      for (size_t i = 0; i < t_.tenants.size(); ++i) add_tenant(i);
    }
    if (t_.frontdoor) add_frontdoor(*t_.frontdoor);
    for (size_t i = 0; i < t_.traffic_managers.size(); ++i) add_traffic_manager(i);
    return std::move(d_);
  }

 private:
  void add_boundary(size_t b) {
    const model::Boundary& boundary = t_.boundaries[b];
    Group g{fmt::format("b{}", b), boundary_lines(boundary), {}};
    auto named = regions_named_.find(boundary.name);
    const std::vector<size_t> none;
    const std::vector<size_t>& members = named == regions_named_.end() ? none : named->second;
    for (size_t i : members) {
      g.nodes.push_back(region_node(t_.regions[i], i));
      placed_[i] = true;
    }
    if (g.nodes.empty()) {
      g.nodes.push_back({fmt::format("b{}_empty", b), {"no regions"}, Shape::kPlaceholder});
    }
    // A failover location that is not a declared region is drawn inside the
    // boundary when the boundary allows it, outside (and so visibly
    // leaving it) when not.
    for (size_t i : members) {
      const std::string& failover = t_.regions[i].failover.value;
      if (failover.empty() || region_ids_.count(failover) || failover_ids_.count(failover) ||
          !boundary.allows(failover)) {
        continue;
      }
      g.nodes.push_back(failover_node(failover));
    }
    group_ids_[boundary.name] = g.id;
    d_.groups.push_back(std::move(g));
  }

  Node failover_node(const std::string& location) {
    std::string id = fmt::format("l{}", failover_ids_.size());
    failover_ids_[location] = id;
    return {id, {location, "failover location"}, Shape::kBox, true};
  }

  void add_failover(size_t i) {
    const model::Region& r = t_.regions[i];
    const std::string& failover = r.failover.value;
    if (failover.empty()) return;
    std::string to;
    if (auto it = region_ids_.find(failover); it != region_ids_.end()) {
      to = fmt::format("r{}", it->second);
    } else {
      if (!failover_ids_.count(failover)) d_.loose.push_back(failover_node(failover));
      to = failover_ids_[failover];
    }
    d_.edges.push_back({fmt::format("r{}", i), to, "failover", true});
  }

  void add_tenant(size_t i) {
    const model::Tenant& tenant = t_.tenants[i];
    std::string id = fmt::format("t{}", i);
    d_.loose.push_back({id, {"tenant " + tenant.name}, Shape::kTenant});
    const model::Region* home =
        tenant.home.value.empty() ? nullptr : t_.find_region(tenant.home.value);
    if (home) {
      d_.edges.push_back({id, fmt::format("r{}", home - t_.regions.data()), "home"});
    } else if (auto it = group_ids_.find(tenant.residency.value); it != group_ids_.end()) {
      d_.edges.push_back({id, it->second, "", false, true});
    }
  }

  // One node per boundary with the number of tenants it holds (a tenant with
  // a home region counts in that region's boundary).
  void add_tenant_counts() {
    std::map<std::string, size_t> counts;  // boundary name -> tenants
    for (const model::Tenant& tenant : t_.tenants) {
      const model::Region* home =
          tenant.home.value.empty() ? nullptr : t_.find_region(tenant.home.value);
      ++counts[home ? home->boundary_name.value : tenant.residency.value];
    }
    size_t n = 0;
    for (const auto& [boundary, count] : counts) {
      auto group = group_ids_.find(boundary);
      if (group == group_ids_.end()) continue;
      std::string id = fmt::format("tc{}", n++);
      d_.loose.push_back({id, {fmt::format("{} tenant{}", count, count == 1 ? "" : "s")}, Shape::kTenant});
      d_.edges.push_back({id, group->second, "", false, true});
    }
  }

  void add_frontdoor(const model::FrontDoor& fd) {
    // The endpoint, then each custom domain it serves.
    std::vector<std::string> lines{"Front Door " + fd.endpoint.value};
    for (const model::FrontDoorDomain& d : fd.domains) lines.push_back(d.host);
    d_.loose.push_back({"fd", std::move(lines), Shape::kFrontDoor});
    for (const model::GeoRoute& route : fd.geo_routes) {
      auto to = group_ids_.find(route.boundary_name);
      if (to == group_ids_.end()) continue;
      std::vector<std::string> countries;
      for (const auto& c : route.countries) countries.push_back(c.value);
      d_.edges.push_back({"fd", to->second, join(countries, ", "), false, true});
      auto fallback = group_ids_.find(route.fallback.value);
      if (fallback != group_ids_.end()) {
        d_.edges.push_back({to->second, fallback->second, "fallback", true, true, true});
      }
    }
    add_unrouted(fd);
  }

  // Countries no geo route lists: refused, or sent to one boundary (dashed
  // when `unrouted` is not written and the first boundary gets them).
  void add_unrouted(const model::FrontDoor& fd) {
    if (fd.denies_unrouted()) {
      d_.loose.push_back({"fd_deny", {"refused by the WAF"}, Shape::kRefused});
      d_.edges.push_back({"fd", "fd_deny", "unrouted"});
      return;
    }
    const model::Boundary* b = services::frontdoor::unrouted_boundary(t_);
    if (!b) return;
    auto to = group_ids_.find(b->name);
    if (to == group_ids_.end()) return;
    bool written = !fd.unrouted.value.empty();
    d_.edges.push_back(
        {"fd", to->second, written ? "unrouted" : "unrouted (not written)", !written, true});
  }

  // Where the estate copies data out of a region: replicas, the copies Azure
  // makes in the paired region, backups. One edge per source, destination
  // and kind, labelled with the kind and the types of the resources copied,
  // so a copy that leaves its boundary is seen crossing the border. A
  // location that is no declared region gets a node of its own, inside the
  // source's boundary when the boundary allows it, outside when not.
  void add_copies() {
    std::optional<estate::Estate> built;
    if (!options_.estate) built = estate::build_estate(t_, {.environment = "", .placements_only = true});
    const estate::Estate& e = options_.estate ? *options_.estate : *built;
    using Key = std::tuple<std::string, std::string, std::string>;  // from, to, kind
    std::map<Key, std::set<std::string>> copies;
    for (const estate::Resource& r : e.resources) {
      for (const estate::Placement& p : r.placements) {
        if (p.kind != estate::PlacementKind::kReplica &&
            p.kind != estate::PlacementKind::kGeoPairCopy &&
            p.kind != estate::PlacementKind::kBackupCopy) {
          continue;
        }
        const std::string& from = p.from.empty() ? r.location : p.from;
        auto source = region_ids_.find(from);
        if (source == region_ids_.end()) continue;
        std::string type = r.azurerm_type.starts_with("azurerm_") ? r.azurerm_type.substr(8)
                                                                  : r.azurerm_type;
        // Data declared non-personal may leave its boundary; its label says so.
        std::string kind(estate::to_string(p.kind));
        if (p.data_class == model::DataClass::kNonPersonal) kind += " (non-personal)";
        for (const std::string& to : p.locations) {
          if (to == from) continue;
          copies[{fmt::format("r{}", source->second), location_node(to, source->second), kind}]
              .insert(type);
        }
      }
    }
    for (const auto& [key, types] : copies) {
      const auto& [from, to, kind] = key;
      d_.edges.push_back({from, to, kind + ": " + join({types.begin(), types.end()}, ", "), false,
                          false, false, "copy"});
    }
  }

  // The node drawing `location`: its region, a failover location already
  // drawn, or a new copy location placed as add_copies says.
  std::string location_node(const std::string& location, size_t source_region) {
    if (auto it = region_ids_.find(location); it != region_ids_.end()) {
      return fmt::format("r{}", it->second);
    }
    if (auto it = failover_ids_.find(location); it != failover_ids_.end()) return it->second;
    if (auto it = copy_ids_.find(location); it != copy_ids_.end()) return it->second;
    std::string id = fmt::format("c{}", copy_ids_.size());
    copy_ids_[location] = id;
    Node node{id, {location, "copy location"}, Shape::kBox, true, true};
    const model::Region& source = t_.regions[source_region];
    const model::Boundary* boundary = t_.find_boundary(source.boundary_name.value);
    auto group = group_ids_.find(source.boundary_name.value);
    if (boundary && boundary->allows(location) && group != group_ids_.end()) {
      for (Group& g : d_.groups) {
        if (g.id == group->second) g.nodes.push_back(std::move(node));
      }
    } else {
      d_.loose.push_back(std::move(node));
    }
    return id;
  }

  // One edge per peered pair of regional VNets, arrowheads at both ends:
  // each side reaches the other's private endpoints.
  void add_peerings() {
    for (const auto& [a, b] : t_.peered_regions()) {
      d_.edges.push_back({fmt::format("r{}", a - t_.regions.data()),
                          fmt::format("r{}", b - t_.regions.data()), "peering", false, false, false,
                          "peering", true});
    }
  }

  // A Traffic Manager profile answers DNS queries with its endpoints: an
  // edge to each, labelled with what selects it under the profile's routing
  // (dashed when the endpoint is disabled).
  void add_traffic_manager(size_t i) {
    const model::TrafficManager& tm = t_.traffic_managers[i];
    std::string id = fmt::format("tm{}", i);
    std::string routing = model::to_string(tm.routing.value);
    std::transform(routing.begin(), routing.end(), routing.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    d_.loose.push_back(
        {id, {"Traffic Manager " + tm.name, "routing " + routing}, Shape::kTrafficManager});
    for (size_t j = 0; j < tm.endpoints.size(); ++j) {
      const model::TmEndpoint& ep = tm.endpoints[j];
      std::string to;
      switch (ep.kind) {
        case model::TmEndpointKind::kRegion:
          if (const model::Region* r = t_.find_region(ep.region.value)) {
            to = fmt::format("r{}", r - t_.regions.data());
          }
          break;
        case model::TmEndpointKind::kExternal:
          to = fmt::format("{}_e{}", id, j);
          d_.loose.push_back({to, {"external " + ep.target.value}, Shape::kExternal});
          break;
        case model::TmEndpointKind::kNested:
          if (const model::TrafficManager* child = t_.find_traffic_manager(ep.profile.value)) {
            to = fmt::format("tm{}", child - t_.traffic_managers.data());
          }
          break;
      }
      if (to.empty()) continue;
      std::string label = endpoint_label(tm, j);
      if (!ep.enabled.value) label += label.empty() ? "disabled" : " (disabled)";
      d_.edges.push_back({id, to, label, !ep.enabled.value, false, false, "endpoint"});
    }
    if (tm.routing.value == model::TmRouting::kGeographic && tm.unmapped.value == "nodata") {
      std::string refused = id + "_nodata";
      d_.loose.push_back({refused, {"no answer (NODATA)"}, Shape::kRefused});
      d_.edges.push_back({id, refused, "unmapped", false, false, false, "endpoint"});
    }
  }

  static std::string endpoint_label(const model::TrafficManager& tm, size_t j) {
    const model::TmEndpoint& ep = tm.endpoints[j];
    std::vector<std::string> parts;
    switch (tm.routing.value) {
      case model::TmRouting::kPriority:
        return fmt::format("priority {}", tm.priority(j));
      case model::TmRouting::kWeighted:
        return fmt::format("weight {}", ep.weight.value);
      case model::TmRouting::kGeographic:
        for (const auto& code : ep.geo) parts.push_back(code.value);
        if (tm.unmapped.value == ep.name) parts.push_back("unmapped (WORLD)");
        return join(parts, ", ");
      case model::TmRouting::kSubnet:
        for (const auto& cidr : ep.subnets) parts.push_back(cidr.value.to_string());
        return join(parts, ", ");
      case model::TmRouting::kPerformance:
      case model::TmRouting::kMultiValue:
        break;
    }
    return "";
  }

  const model::Topology& t_;
  const GraphOptions& options_;
  Diagram d_;
  std::vector<bool> placed_;                         // region drawn inside its boundary
  std::map<std::string, size_t> region_ids_;         // Azure location -> region index
  std::map<std::string, size_t> region_keys_;        // region key -> region index
  std::map<std::string, std::string> failover_ids_;  // Azure location -> node id
  std::map<std::string, std::string> copy_ids_;      // Azure location -> node id
  std::map<std::string, std::string> group_ids_;     // boundary name -> group id
  // The regions whose `boundary` names each boundary, in declaration order;
  // looked up per boundary, so that drawing is not boundaries x regions.
  std::unordered_map<std::string_view, std::vector<size_t>> regions_named_;
};

// Printing appends to one string: a big estate has thousands of tenants, and
// a temporary string per label made printing cost more than building.

// Control characters (and the bidirectional overrides) are shown as escapes,
// as everywhere topoc prints user text (compiler/text/visible.h). Most labels
// are plain ASCII and skip the copy.
std::string_view without_controls(std::string_view text, std::string& storage) {
  bool plain = std::all_of(text.begin(), text.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x7f;
  });
  if (plain) return text;
  storage = escape_controls(text);
  return storage;
}

// Mermaid: labels are quoted, and characters Mermaid would read as markup
// become its entity codes (`#quot;`), `#` first since the codes start with it;
// a backtick would open a Markdown string.
void append_mermaid_text(std::string& out, std::string_view raw) {
  std::string storage;
  for (char c : without_controls(raw, storage)) {
    switch (c) {
      case '#':
        out += "#35;";
        break;
      case '"':
        out += "#quot;";
        break;
      case '<':
        out += "#lt;";
        break;
      case '>':
        out += "#gt;";
        break;
      case '&':
        out += "#amp;";
        break;
      case '`':
        out += "#96;";
        break;
      default:
        out += c;
    }
  }
}

void append_mermaid_label(std::string& out, const std::vector<std::string>& lines) {
  out += '"';
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += "<br/>";
    append_mermaid_text(out, lines[i]);
  }
  out += '"';
}

void append_mermaid_node(std::string& out, std::string_view indent, const Node& n) {
  auto [open, close] = [&]() -> std::pair<const char*, const char*> {
    switch (n.shape) {
      case Shape::kTenant:
        return {"([", "])"};
      case Shape::kFrontDoor:
        return {"{{", "}}"};
      case Shape::kTrafficManager:
        return {"[[", "]]"};
      case Shape::kExternal:
        return {"[/", "\\]"};
      case Shape::kPlaceholder:
        return {"[/", "/]"};
      case Shape::kRefused:
        return {">", "]"};
      case Shape::kBox:
        break;
    }
    return n.dashed ? std::pair{"(", ")"} : std::pair{"[", "]"};
  }();
  out += indent;
  out += n.id;
  out += open;
  append_mermaid_label(out, n.lines);
  out += close;
  out += '\n';
}

// DOT: inside a quoted ID only `"` and `\` need escaping.
void append_dot_text(std::string& out, std::string_view raw) {
  std::string storage;
  for (char c : without_controls(raw, storage)) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
}

void append_dot_label(std::string& out, const std::vector<std::string>& lines) {
  out += '"';
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += "\\n";
    append_dot_text(out, lines[i]);
  }
  out += '"';
}

void append_dot_node(std::string& out, std::string_view indent, const Node& n) {
  out += indent;
  out += n.id;
  out += " [label=";
  append_dot_label(out, n.lines);
  switch (n.shape) {
    case Shape::kTenant:
      out += ", shape=ellipse";
      break;
    case Shape::kFrontDoor:
      out += ", shape=hexagon";
      break;
    case Shape::kTrafficManager:
      out += ", shape=diamond";
      break;
    case Shape::kExternal:
      out += ", shape=parallelogram";
      break;
    case Shape::kPlaceholder:
      out += ", shape=plaintext";
      break;
    case Shape::kRefused:
      out += ", shape=octagon";
      break;
    case Shape::kBox:
      break;
  }
  if (n.dashed) out += ", style=dashed";
  out += "];\n";
}

}  // namespace

std::string render_mermaid(const model::Topology& topology, const GraphOptions& options) {
  Diagram d = DiagramBuilder(topology, options).build();
  std::string out = "%% topology ";
  append_mermaid_text(out, d.title);
  out += "\nflowchart LR\n";
  std::vector<std::string> dashed;
  for (const Group& g : d.groups) {
    out += "  subgraph " + g.id + "[";
    append_mermaid_label(out, g.lines);
    out += "]\n";
    for (const Node& n : g.nodes) {
      append_mermaid_node(out, "    ", n);
      if (n.dashed) dashed.push_back(n.id);
    }
    out += "  end\n";
  }
  for (const Node& n : d.loose) {
    append_mermaid_node(out, "  ", n);
    if (n.dashed) dashed.push_back(n.id);
  }
  for (const Edge& e : d.edges) {
    out += "  ";
    out += e.from;
    if (e.both_ways)
      out += e.dashed ? " <-.->" : " <-->";
    else
      out += e.dashed ? " -.->" : " -->";
    if (!e.label.empty()) {
      out += "|\"";
      append_mermaid_text(out, e.label);
      out += "\"|";
    }
    out += ' ';
    out += e.to;
    out += '\n';
  }
  if (!dashed.empty()) {
    out += "  classDef elsewhere stroke-dasharray: 4 4\n";
    out += "  class " + join(dashed, ",") + " elsewhere\n";
  }
  return out;
}

std::string render_dot(const model::Topology& topology, const GraphOptions& options) {
  Diagram d = DiagramBuilder(topology, options).build();
  // Edges to a boundary point at a node inside its cluster, clipped at the
  // cluster's border (compound=true with lhead/ltail).
  std::map<std::string, std::string> anchors;
  for (const Group& g : d.groups) anchors[g.id] = g.nodes.front().id;
  std::string out = "digraph \"";
  append_dot_text(out, d.title);
  out += "\" {\n  rankdir=LR;\n  compound=true;\n  node [shape=box];\n";
  for (const Group& g : d.groups) {
    out += "  subgraph cluster_" + g.id + " {\n    label=";
    append_dot_label(out, g.lines);
    out += ";\n";
    for (const Node& n : g.nodes) append_dot_node(out, "    ", n);
    out += "  }\n";
  }
  for (const Node& n : d.loose) append_dot_node(out, "  ", n);
  for (const Edge& e : d.edges) {
    out += "  ";
    out += e.from_group ? anchors[e.from] : e.from;
    out += " -> ";
    out += e.to_group ? anchors[e.to] : e.to;
    std::vector<std::string> attributes;
    if (!e.label.empty()) {
      std::string label = "label=\"";
      append_dot_text(label, e.label);
      attributes.push_back(label + "\"");
    }
    if (e.dashed) attributes.push_back("style=dashed");
    if (e.both_ways) attributes.push_back("dir=both");
    if (e.from_group) attributes.push_back("ltail=cluster_" + e.from);
    if (e.to_group) attributes.push_back("lhead=cluster_" + e.to);
    if (!attributes.empty()) out += " [" + join(attributes, ", ") + "]";
    out += ";\n";
  }
  out += "}\n";
  return out;
}

namespace {

const char* node_kind(const Node& n) {
  switch (n.shape) {
    case Shape::kBox:
      if (n.copy_location) return "copy-location";
      return n.dashed ? "failover-location" : "region";
    case Shape::kTenant: return "tenant";
    case Shape::kFrontDoor: return "frontdoor";
    case Shape::kTrafficManager: return "traffic-manager";
    case Shape::kExternal: return "external-endpoint";
    case Shape::kPlaceholder: return "empty";
    case Shape::kRefused: return "refused";
  }
  return "";
}

// What the builder's edges mean, from how it made them.
const char* edge_kind(const Edge& e) {
  if (e.kind) return e.kind;
  if (e.from == "fd" && e.label.starts_with("unrouted")) return "unrouted";
  if (e.from == "fd") return "route";
  if (e.label == "failover") return "failover";
  if (e.label == "fallback") return "fallback";
  if (e.label == "home") return "home";
  return "residency";
}

}  // namespace

std::string render_graph_json(const model::Topology& topology, const GraphOptions& options) {
  using Json = nlohmann::ordered_json;
  Diagram d = DiagramBuilder(topology, options).build();
  Json groups = Json::array(), nodes = Json::array(), edges = Json::array();
  auto node_json = [](const Node& n, const std::string& group) {
    return Json{{"id", n.id},
                {"kind", node_kind(n)},
                {"label", n.lines},
                {"group", group.empty() ? Json(nullptr) : Json(group)}};
  };
  for (const Group& g : d.groups) {
    Json members = Json::array();
    for (const Node& n : g.nodes) {
      members.push_back(n.id);
      nodes.push_back(node_json(n, g.id));
    }
    groups.push_back({{"id", g.id}, {"kind", "boundary"}, {"label", g.lines}, {"nodes", members}});
  }
  for (const Node& n : d.loose) nodes.push_back(node_json(n, ""));
  for (const Edge& e : d.edges) {
    edges.push_back({{"from", e.from},
                     {"to", e.to},
                     {"kind", edge_kind(e)},
                     {"label", e.label},
                     {"dashed", e.dashed}});
  }
  Json out = {{"schema_version", 1},
              {"topology", d.title},
              {"groups", std::move(groups)},
              {"nodes", std::move(nodes)},
              {"edges", std::move(edges)}};
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace topoc::emit

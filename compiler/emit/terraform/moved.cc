// environments/<env>/moved.tf. A region renamed with `renamed_from` keeps
// its Azure names (compiler/naming builds them from the former key), but
// every Terraform address keyed by the region changes: without `moved`
// blocks Terraform would destroy the resources at the old addresses and
// create them again at the new ones. The moves are found by planning the
// estate a second time under the former keys and pairing the two manifests:
// a whole module instance where everything under it moved alike, else each
// resource by its type, name and resource group, which the rename keeps.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

#include "compiler/emit/terraform/emit_terraform.h"
#include "compiler/emit/terraform/root_files.h"

namespace topoc::emit::terraform {
namespace {

// The topology as it was before its regions were renamed.
model::Topology former_topology(const model::Topology& t) {
  model::Topology former = t;
  for (model::Region& r : former.regions) {
    if (!r.renamed_from.explicit_) continue;
    for (model::Tenant& tenant : former.tenants) {
      if (tenant.home.value == r.key) tenant.home.value = r.renamed_from.value;
    }
    r.key = r.renamed_from.value;
    r.renamed_from = {};
  }
  former.index_regions();
  return former;
}

// `module.aks["weu"]` of `module.aks["weu"].azurerm_kubernetes_cluster.this`;
// "" for an address outside a keyed module call.
std::string module_instance(std::string_view address) {
  if (address.substr(0, 7) != "module.") return "";
  size_t bracket = address.find('[');
  size_t dot = address.find('.', 7);
  if (bracket == std::string_view::npos || (dot != std::string_view::npos && dot < bracket))
    return "";
  size_t close = address.find("].", bracket);
  if (close == std::string_view::npos) return "";
  return std::string(address.substr(0, close + 1));
}

struct Move {
  std::string from, to;
};

// Everything under each module instance, as the rest of the address.
std::map<std::string, std::set<std::string>> by_instance(const ManifestFile& manifest) {
  std::map<std::string, std::set<std::string>> out;
  for (const estate::Resource* r : manifest.resources) {
    std::string instance = module_instance(r->key);
    if (!instance.empty()) out[instance].insert(r->key.substr(instance.size()));
  }
  return out;
}

// Whether the manifest lists `address`: its resources are sorted by address.
bool lists(const ManifestFile& manifest, std::string_view address) {
  auto at =
      std::lower_bound(manifest.resources.begin(), manifest.resources.end(), address,
                       [](const estate::Resource* r, std::string_view a) { return r->key < a; });
  return at != manifest.resources.end() && (*at)->key == address;
}

std::vector<Move> find_moves(const ManifestFile& former, const ManifestFile& current) {
  auto former_instances = by_instance(former);
  auto current_instances = by_instance(current);
  std::vector<Move> moves;
  std::set<std::string> moved_from, moved_to;  // addresses a move already covers

  // Whole module instances: the same call, another key, the same contents.
  for (const auto& [from, contents] : former_instances) {
    if (current_instances.count(from)) continue;  // still there: not renamed
    std::string call = from.substr(0, from.find('['));
    for (const auto& [to, to_contents] : current_instances) {
      if (to.substr(0, to.find('[')) != call || former_instances.count(to)) continue;
      if (to_contents != contents) continue;
      moves.push_back({from, to});
      for (const std::string& rest : contents) {
        moved_from.insert(from + rest);
        moved_to.insert(to + rest);
      }
      break;
    }
  }
  // Single resources, by what the rename keeps: type, name, resource group.
  std::map<std::tuple<std::string, std::string, std::string>, std::string> arrivals;
  for (const estate::Resource* r : current.resources) {
    if (lists(former, r->key) || moved_to.count(r->key) || r->name.empty()) continue;
    arrivals.emplace(std::tuple(r->azurerm_type, r->name, r->resource_group), r->key);
  }
  for (const estate::Resource* r : former.resources) {
    if (lists(current, r->key) || moved_from.count(r->key) || r->name.empty()) continue;
    auto it = arrivals.find(std::tuple(r->azurerm_type, r->name, r->resource_group));
    if (it == arrivals.end()) continue;
    moves.push_back({r->key, it->second});
    arrivals.erase(it);
  }
  std::sort(moves.begin(), moves.end(),
            [](const Move& a, const Move& b) { return a.from < b.from; });
  return moves;
}

}  // namespace

std::string render_moved_tf(const Estate& estate, const ManifestFile& current) {
  const model::Topology& t = *estate.topology;
  bool renamed = std::any_of(t.regions.begin(), t.regions.end(),
                             [](const model::Region& r) { return r.renamed_from.explicit_; });
  if (!renamed) return "";
  const model::Topology former = former_topology(t);
  const Estate former_estate = plan_estate(former, TerraformOptions{estate.environment});
  const ManifestFile former_manifest = build_manifest(former_estate);
  hcl::Body file;
  file.comment(
      fmt::format("Generated by topoc from topology \"{}\" ({}).", t.name, estate.environment));
  file.comment("Regions renamed with `renamed_from` keep their Azure names; these blocks move");
  file.comment("their Terraform addresses so that nothing is destroyed and created again.");
  file.comment("Keep them until every environment has been applied once (docs/lifecycle.md).");
  for (const Move& m : find_moves(former_manifest, current)) {
    hcl::Body b;
    b.attribute("from", hcl::Expr::raw(m.from));
    b.attribute("to", hcl::Expr::raw(m.to));
    file.blank();
    file.block("moved", {}, std::move(b));
  }
  return file.render_file();
}

}  // namespace topoc::emit::terraform

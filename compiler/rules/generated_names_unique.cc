// X002: two names the build would create must not collide where Azure wants
// them unique (all of Azure, a subscription, a resource group or a parent).
// Names compare case-insensitively, as Azure compares them. Two names from
// one element declared twice are left to the duplicate check (M003).
#include <fmt/format.h>

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "compiler/rules/generated_names.h"
#include "compiler/text/ascii.h"
#include "compiler/text/first_seen.h"

namespace topoc::rules {
namespace {

// "across Azure", "within resource group `rg-shop-eu-prod`", "within `vnet-shop-eu-prod`".
std::string where_unique(const naming::NamingRule& rule, std::string_view scope) {
  switch (rule.scope) {
    case naming::Scope::kGlobal:
      return "across Azure";
    case naming::Scope::kSubscription:
      return "within a subscription";
    case naming::Scope::kResourceGroup:
      return fmt::format("within resource group `{}`", scope);
    case naming::Scope::kParent:
      break;
  }
  return fmt::format("within `{}`", scope.substr(scope.rfind('/') + 1));
}

using LocationKey = std::tuple<uint32_t, uint32_t, uint32_t>;

LocationKey key_of(const diag::Location& l) {
  return {l.file, l.span.begin, l.span.end};
}

}  // namespace

void report_duplicate_names(std::span<const naming::GeneratedName> names,
                            diag::DiagnosticSink& sink) {
  // Keyed by type, scope and name, lowercased and joined with NULs, which no
  // generated name holds. The keys are written one after the other into one
  // buffer, then looked up through views of it: no string per name.
  size_t size = 0;
  for (const naming::GeneratedName& n : names) {
    size += n.resource_type.size() + n.scope.size() + n.name.size() + 2;
  }
  std::string keys;
  keys.reserve(size);
  std::vector<size_t> ends;
  ends.reserve(names.size());
  for (const naming::GeneratedName& n : names) {
    keys += n.resource_type;
    keys += '\0';
    append_lower(keys, n.scope);
    keys += '\0';
    append_lower(keys, n.name);
    ends.push_back(keys.size());
  }
  FirstSeen first(names.size());
  std::set<std::pair<LocationKey, LocationKey>> reported;
  size_t begin = 0;
  for (size_t i = 0; i < names.size(); ++i) {
    std::string_view key(keys.data() + begin, ends[i] - begin);
    begin = ends[i];
    size_t earlier = first.first(key, i);
    if (earlier == i) continue;
    const naming::GeneratedName& n = names[i];
    const naming::GeneratedName& other = names[earlier];
    if (other.key == n.key) continue;
    // One report per pair of elements: two regions that differ only in case
    // collide in many names, and one message says it.
    if (!reported.insert({key_of(other.source), key_of(n.source)}).second) continue;
    const naming::NamingRule* rule = naming::find_naming_rule(n.resource_type);
    if (!rule) continue;
    auto& d =
        sink.report(diag::Kind::GeneratedNameCollision, n.source,
                    fmt::format("{} name `{}` is generated twice; {} names must be unique {}",
                                rule->noun, n.name, rule->noun, where_unique(*rule, n.scope)));
    d.notes.push_back({other.source, fmt::format("`{}` is also generated from here", other.name)});
    d.help = "rename one of the two elements; Azure ignores letter case in names";
  }
}

}  // namespace topoc::rules

#include "compiler/drift/attribute_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "compiler/catalog/region_catalog.h"
#include "compiler/drift/attributes.h"

namespace topoc::drift {
namespace {

using json = nlohmann::json;

std::string scalar_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

bool same_scalar(const json& a, const json& b) {
  if (a.is_number() && b.is_number()) return std::fabs(a.get<double>() - b.get<double>()) < 1e-9;
  if (a.is_boolean() || b.is_boolean()) return a == b;
  // Azure echoes enum values in its own casing ("session", "Standard_LRS").
  return lower(scalar_text(a)) == lower(scalar_text(b));
}

std::vector<std::string> string_list(const json& v, bool locations) {
  std::set<std::string> out;
  if (v.is_array()) {
    for (const json& e : v) {
      std::string s = scalar_text(e);
      out.insert(locations ? catalog::normalise_location(s) : lower(s));
    }
  }
  return {out.begin(), out.end()};
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Terraform writes an absent nested block as an empty list.
bool present(const json& v) { return v.is_object() || (v.is_array() && !v.empty()); }

// "westeurope=0, northeurope=1" in failover order.
std::vector<std::string> geo_list(const json& v) {
  std::vector<std::pair<int64_t, std::string>> entries;
  if (v.is_array()) {
    for (const json& g : v) {
      const json* l = find_attribute(g, "location");
      const json* p = find_attribute(g, "failover_priority");
      int64_t priority = p && p->is_number() ? p->get<int64_t>() : -1;
      entries.emplace_back(priority, l ? catalog::normalise_location(scalar_text(*l)) : "?");
    }
  }
  std::sort(entries.begin(), entries.end());
  std::vector<std::string> out;
  for (const auto& [priority, location] : entries) {
    out.push_back(fmt::format("{}={}", location, priority));
  }
  return out;
}

void compare_tags(const DesiredResource& d, const DeployedResource& r,
                  std::vector<AttributeChange>& out) {
  if (!d.tags || !r.tags || *d.tags == *r.tags) return;  // mostly the same few sets
  std::set<std::string> keys;
  for (const auto& [k, v] : *d.tags) keys.insert(k);
  for (const auto& [k, v] : *r.tags) keys.insert(k);
  for (const std::string& k : keys) {
    auto want = d.tags->find(k);
    auto have = r.tags->find(k);
    std::string desired = want == d.tags->end() ? "(none)" : want->second;
    std::string deployed = have == r.tags->end() ? "(none)" : have->second;
    if (want == d.tags->end() || have == r.tags->end() || want->second != have->second) {
      out.push_back({"tags." + k, desired, deployed});
    }
  }
}

}  // namespace

std::vector<AttributeChange> diff_attributes(const DesiredResource& d, const DeployedResource& r) {
  std::vector<AttributeChange> out;
  if (!d.location.empty() && d.location != "global" && !r.location.empty() &&
      d.location != r.location) {
    out.push_back({"location", d.location, r.location});
  }
  for (const ComparedAttribute& a : compared_attributes(d.type)) {
    const json* want = find_attribute(d.attributes, a.path);
    const json* have = find_attribute(r.attributes, a.path);
    // The manifest leaves an optional block out when the topology has none.
    static const json kAbsent = json::array();
    if (!want && have && a.how == Comparison::kBlockPresent) want = &kAbsent;
    if (!want || !have) continue;
    switch (a.how) {
      case Comparison::kScalar:
        if (!same_scalar(*want, *have)) {
          out.push_back({std::string(a.path), scalar_text(*want), scalar_text(*have)});
        }
        break;
      case Comparison::kStringSet:
      case Comparison::kLocationSet: {
        bool locations = a.how == Comparison::kLocationSet;
        auto w = string_list(*want, locations), h = string_list(*have, locations);
        if (w != h) out.push_back({std::string(a.path), join(w), join(h)});
        break;
      }
      case Comparison::kBlockPresent: {
        if (present(*want) != present(*have)) {
          out.push_back({std::string(a.path), present(*want) ? "set" : "(none)",
                         present(*have) ? "set" : "(none)"});
        }
        break;
      }
      case Comparison::kGeoLocations: {
        auto w = geo_list(*want), h = geo_list(*have);
        if (w != h) out.push_back({std::string(a.path), join(w), join(h)});
        break;
      }
    }
  }
  compare_tags(d, r, out);
  return out;
}

}  // namespace topoc::drift

// L001: `renamed_from` moves a region's Terraform addresses from its former
// key to its current one, so the former key must be free: not the region's
// own key, not another region's key, and not claimed by two regions. Any of
// those would give Terraform two moves to or from one address, which it
// refuses, or keep names the other region already uses.
#include <fmt/format.h>

#include <map>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void region_renames_distinct(const model::Topology& t, diag::DiagnosticSink& sink) {
  std::map<std::string, const model::Region*> claimed;  // former key -> first region
  for (const model::Region& r : t.regions) {
    if (!r.renamed_from.explicit_) continue;
    const std::string& old_key = r.renamed_from.value;
    if (old_key == r.key) {
      sink.report(diag::Kind::InvalidRename, r.renamed_from.location,
                  fmt::format("region `{}` is renamed from its own key", r.key))
          .help = "remove `renamed_from`; it is only for a region whose key changed";
      continue;
    }
    if (const model::Region* other = t.find_region(old_key)) {
      auto& d = sink.report(diag::Kind::InvalidRename, r.renamed_from.location,
                            fmt::format("region `{}` is renamed from `{}`, which is still the key "
                                        "of another region",
                                        r.key, old_key));
      d.notes.push_back(
          {other->location_of_block, fmt::format("region `{}` declared here", old_key)});
      d.help =
          "a former key must no longer be in use; rename that region too, or remove "
          "`renamed_from`";
      continue;
    }
    auto [it, inserted] = claimed.emplace(old_key, &r);
    if (!inserted) {
      auto& d = sink.report(diag::Kind::InvalidRename, r.renamed_from.location,
                            fmt::format("regions `{}` and `{}` are both renamed from `{}`",
                                        it->second->key, r.key, old_key));
      d.notes.push_back({it->second->renamed_from.location, "first renamed here"});
      d.help = "only one region can take over a former key; remove one `renamed_from`";
    }
  }
}

}  // namespace topoc::rules

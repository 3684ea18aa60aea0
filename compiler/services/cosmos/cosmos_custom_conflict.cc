// C003: a custom conflict-resolution procedure only ever runs when two
// regions accept writes to the same item, that is with multi-region writes
// (cosmosdb.md §3-4). On a single-write account it is dead code, and the
// policy can be set only when the container is created, so turning multi-
// region writes on later would not bring it back.
#include <fmt/format.h>

#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {

void cosmos_custom_conflict(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.cosmos || t.cosmos->multi_write.value) return;
  const model::Cosmos& c = *t.cosmos;
  for (const model::Container& k : c.containers) {
    if (k.conflict.value != model::ConflictPolicy::kCustom) continue;
    auto& d = sink.report(
        diag::Kind::CustomConflictNeedsMultiWrite, value_or(k.conflict, k.location),
        fmt::format("container `{}` has `conflict = custom`, but without multi-region writes no "
                    "conflict ever reaches its procedure",
                    k.name));
    if (c.multi_write.explicit_) {
      d.notes.push_back({c.multi_write.location, "multi-region writes turned off here"});
    } else {
      d.notes.push_back({value_or(t.mode, t.location),
                         fmt::format("`{}` writes in one region unless `multi_write = true`",
                                     model::to_string(t.mode.value))});
    }
    d.help =
        "set `multi_write = true` in the `cosmos` block, or drop `conflict = custom` and "
        "the procedure";
  }
}

}  // namespace topoc::rules

// C001: Cosmos DB rejects strong consistency on an account with more than one
// write region (cosmosdb.md §1); the azurerm provider does not check it, so
// the error would only come from Azure at apply time.
#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {

void cosmos_strong_with_multi_write(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.cosmos) return;
  const model::Cosmos& c = *t.cosmos;
  if (c.consistency.value != model::Consistency::kStrong || !c.multi_write.value) return;
  // Strong consistency is always written; multi-region writes may be the
  // default of an `active-active` topology.
  diag::Location at =
      c.multi_write.explicit_ ? c.multi_write.location : value_or(c.consistency, c.location);
  auto& d = sink.report(diag::Kind::StrongWithMultiWrite, at,
                        "`strong` consistency cannot be combined with multi-region writes; Azure "
                        "accepts strong consistency only with a single write region");
  if (c.multi_write.explicit_) {
    d.notes.push_back({value_or(c.consistency, c.location), "strong consistency chosen here"});
  } else {
    d.notes.push_back(
        {value_or(t.mode, t.location),
         "`active-active` turns multi-region writes on unless `multi_write = false`"});
  }
  d.help =
      "set `multi_write = false`, or use `consistency = session` to keep several write "
      "regions";
}

}  // namespace topoc::rules

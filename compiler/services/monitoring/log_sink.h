// Where a region's logs land: its own Log Analytics workspace, or the one of
// the region `monitoring { logs_to = ... }` names. Shared by every planner
// that sends logs there (diagnostic settings, Container insights).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/estate/estate.h"

namespace topoc::services::monitoring {

// The region whose workspace receives `r`'s logs: `r` itself without
// `logs_to`; null when `logs_to` names no region that runs `monitoring`
// (M004 and S120 report it).
const model::Region* log_workspace_region(const model::Topology& t, const model::Region& r);

// The log-sink placement of what `subject` (for instance "diagnostic logs of
// `kv-weu`") sends from region `r` to the workspace of region `ws`. In `r`'s
// own workspace it is `r`'s location, already checked with the region
// (R001); elsewhere it is checked, worded by `wording` (R013).
estate::Placement log_sink(const estate::Estate& e, const model::Region& r, const model::Region& ws,
                           std::string_view subject, estate::Wording wording);

// R013 for a breach of such a placement: "<lead> in <locations>, outside
// boundary `b`" (`lead` says whose logs and the verb: "diagnostic logs of
// `kv-weu` land"), the placement's reasons as notes, and `attribute`'s
// advice: `logs_to`, or the boundary's `application_insights`.
void report_log_sink(const estate::Breach& b, diag::DiagnosticSink& sink, std::string_view lead,
                     std::string_view attribute = "logs_to");

// The shared Application Insights components of boundaries
// (`application_insights = <region>`), found with one walk of the estate:
// the renderings ask for each region's, and a walk per region would grow
// with regions times resources.
class BoundaryInsights {
 public:
  explicit BoundaryInsights(const estate::Estate& e);
  bool any() const { return any_; }
  // Those region `r` hosts, in key order.
  std::span<const estate::Resource* const> in(const model::Region& r) const;

 private:
  bool any_ = false;
  std::unordered_map<const model::Region*, std::vector<const estate::Resource*>> by_region_;
};

}  // namespace topoc::services::monitoring

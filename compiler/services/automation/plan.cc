// A region's Azure Automation account, its runbooks and their schedules.
// Placements: the account (primary: it keeps the runbooks, job output and
// job logs in its location) and its jobs (processing: Azure runs them in
// sandboxes in the account's location; Microsoft Learn, "Reliability in
// Azure Automation": a single-region service). Both are the region's own
// location, which R001 checks on the region's resource group.
#include <fmt/format.h>

#include "compiler/estate/add_resource.h"
#include "compiler/services/registry.h"

namespace topoc::services::automation {
namespace {

estate::Placement jobs(const model::Region& r, const model::Automation& a,
                       const std::string& account) {
  estate::Placement p{estate::PlacementKind::kProcessing, {r.location.value}};
  p.reasons.push_back(
      {a.location, fmt::format("the Automation account `{}` of region `{}` runs its runbooks' "
                               "jobs in `{}`",
                               account, r.key, r.location.value)});
  p.checked = false;
  return p;
}

// What drift compares on the account (compiler/drift).
nlohmann::json account_properties(const model::Automation& a) {
  return {{"sku_name", a.sku.value},
          {"public_network_access_enabled", false},
          {"local_authentication_enabled", false}};
}

}  // namespace

void plan(estate::Estate& e) {
  for (const model::Region& r : e.topology->regions) {
    if (!r.automation) continue;
    const model::Automation& a = *r.automation;
    const std::string module = "module.automation" + estate::instance(r.key);
    const std::string& account = e.names.region(r.key, "automation");
    auto& res = estate::add_regional(e, r, module + ".azurerm_automation_account.this",
                                     "azurerm_automation_account", account, r.location.value,
                                     account_properties(a), true);
    res.source = a.location;
    res.placements.push_back(estate::follows_region(r, "the Automation account"));
    res.placements.push_back(jobs(r, a, account));
    if (e.placements_only) continue;
    for (const model::Runbook& rb : a.runbooks) {
      const std::string key = estate::instance(rb.name);
      estate::add_regional(e, r, module + ".azurerm_automation_runbook.this" + key,
                           "azurerm_automation_runbook", rb.name, r.location.value,
                           {{"runbook_type", model::to_string(rb.type.value)}}, true)
          .source = rb.location;
      if (!rb.schedule) continue;
      estate::add_regional(e, r, module + ".azurerm_automation_schedule.this" + key,
                           "azurerm_automation_schedule", rb.name, r.location.value,
                           {{"frequency", model::to_string(rb.schedule->frequency.value)}}, false)
          .source = rb.schedule->location;
      estate::add_regional(e, r, module + ".azurerm_automation_job_schedule.this" + key,
                           "azurerm_automation_job_schedule", "", r.location.value, nullptr, false)
          .source = rb.schedule->location;
    }
  }
}

}  // namespace topoc::services::automation

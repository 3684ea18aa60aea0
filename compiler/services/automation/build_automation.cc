// A region's `automation` block: an Azure Automation account and its
// runbooks, each with an optional schedule. The runbook's file is only
// named here; the driver reads it once the model is built
// (compiler/driver/referenced_files.cc). Names, intervals and start times
// Azure refuses are rules S111-S114.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <limits>

#include "compiler/model/build_parts.h"
#include "compiler/model/duplicate_names.h"

namespace topoc::model {
namespace {

using diag::Kind;

// azurerm v4.55.0 automation_account_resource.go: PossibleValuesForSkuNameEnum.
constexpr Choice<std::string_view> kAutomationSkus[] = {{"Basic", "Basic"}, {"Free", "Free"}};

constexpr Choice<RunbookType> kRunbookTypes[] = {
    {"PowerShell72", RunbookType::kPowerShell72},
    {"PowerShell", RunbookType::kPowerShell},
    {"PowerShellWorkflow", RunbookType::kPowerShellWorkflow},
    {"Python3", RunbookType::kPython3},
};

constexpr Choice<ScheduleFrequency> kFrequencies[] = {
    {"OneTime", ScheduleFrequency::kOneTime}, {"Hour", ScheduleFrequency::kHour},
    {"Day", ScheduleFrequency::kDay},         {"Week", ScheduleFrequency::kWeek},
    {"Month", ScheduleFrequency::kMonth},
};

bool written(const dsl::Node& block, std::string_view key) {
  return std::any_of(block.body.begin(), block.body.end(),
                     [&](const dsl::Node& n) { return n.key == key; });
}

void read_schedule(const ReadContext& ctx, const dsl::Node& n, RunbookSchedule& s) {
  expect_no_labels(ctx, n);
  BlockReader r(n, ctx);
  s.location = r.where();
  s.frequency.value = ScheduleFrequency::kDay;
  s.interval.value = 1;
  if (!r.choice<ScheduleFrequency>("frequency", s.frequency, kFrequencies) &&
      !written(n, "frequency")) {
    ctx.sink->report(Kind::MissingAttribute, s.location, "a schedule needs `frequency`").help =
        "write `frequency = Day` (OneTime, Hour, Day, Week or Month)";
  }
  // The range is S112's to judge, with the frequency in view.
  r.integer("interval", s.interval, std::numeric_limits<int32_t>::min(),
            std::numeric_limits<int32_t>::max());
  r.string("start", s.start);
  r.finish();
}

void read_runbook(const ReadContext& ctx, const dsl::Node& n, Runbook& rb) {
  BlockReader r(n, ctx);
  rb.type.value = RunbookType::kPowerShell72;
  r.choice<RunbookType>("type", rb.type, kRunbookTypes);
  if (!r.string("file", rb.file) && !written(n, "file")) {
    ctx.sink
        ->report(Kind::MissingAttribute, rb.location,
                 fmt::format("runbook `{}` needs `file`, the script it runs", rb.name))
        .help = "write `file = \"runbooks/name.ps1\"`, relative to this topology file";
  }
  r.string("description", rb.description);
  if (const dsl::Node* s = r.block("schedule")) {
    rb.schedule.emplace();
    read_schedule(ctx, *s, *rb.schedule);
  }
  r.finish();
}

}  // namespace

const char* to_string(RunbookType t) {
  switch (t) {
    case RunbookType::kPowerShell72:
      return "PowerShell72";
    case RunbookType::kPowerShell:
      return "PowerShell";
    case RunbookType::kPowerShellWorkflow:
      return "PowerShellWorkflow";
    case RunbookType::kPython3:
      return "Python3";
  }
  return "";
}

const char* to_string(ScheduleFrequency f) {
  switch (f) {
    case ScheduleFrequency::kOneTime:
      return "OneTime";
    case ScheduleFrequency::kHour:
      return "Hour";
    case ScheduleFrequency::kDay:
      return "Day";
    case ScheduleFrequency::kWeek:
      return "Week";
    case ScheduleFrequency::kMonth:
      return "Month";
  }
  return "";
}

const char* file_extension(RunbookType t) {
  return t == RunbookType::kPython3 ? ".py" : ".ps1";
}

void read_automation(BlockReader& r, Automation& out) {
  const ReadContext& ctx = r.context();
  out.location = r.where();
  out.sku.value = "Basic";
  Sourced<std::string_view> sku;
  if (r.choice<std::string_view>("sku", sku, kAutomationSkus)) {
    out.sku = {std::string(sku.value), sku.location, true};
  }
  // Azure Automation runbook names are case-insensitive.
  DuplicateNames names(*ctx.sink, "first declared here");
  for (const dsl::Node* n : r.blocks("runbook")) {
    auto label =
        single_label(ctx, *n, "runbook \"DR-Failover-Drill\" { file = \"runbooks/drill.ps1\" }");
    if (!label) continue;
    Runbook rb;
    rb.name = *label;
    rb.location = ctx.at(n->labels[0].span);
    read_runbook(ctx, *n, rb);
    std::string folded = rb.name;
    std::transform(folded.begin(), folded.end(), folded.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    bool first = std::none_of(out.runbooks.begin(), out.runbooks.end(), [&](const Runbook& o) {
      return o.name.size() == folded.size() &&
             std::equal(o.name.begin(), o.name.end(), folded.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == b;
             });
    });
    names.declare(folded, rb.location, [&] {
      return fmt::format(
          "runbook `{}` is declared twice in the account (names are "
          "case-insensitive)",
          rb.name);
    });
    if (first) out.runbooks.push_back(std::move(rb));
  }
}

}  // namespace topoc::model

// The model of `automation`: an Automation account and its runbooks
// (dsl/README.md). Part of compiler/model/topology.h, which is what the rest
// of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

// The runbook types topoc deploys from a text file (azurerm 4.55's
// runbook_type values that are neither graphical nor retired).
enum class RunbookType { kPowerShell72, kPowerShell, kPowerShellWorkflow, kPython3 };

// How often an Automation schedule fires (azurerm 4.55 `frequency`).
enum class ScheduleFrequency { kOneTime, kHour, kDay, kWeek, kMonth };

// `schedule { ... }` in a runbook: a schedule of the account and the job
// schedule that links it to the runbook.
struct RunbookSchedule {
  Location location;
  Sourced<ScheduleFrequency> frequency;
  Sourced<int64_t> interval;   // default 1; never sent with OneTime
  Sourced<std::string> start;  // RFC 3339; empty = seven minutes after apply (azurerm)
};

// `runbook "DR-Failover-Drill" { ... }`: its text is read from `file`,
// relative to the topology file, once the model is built
// (compiler/driver/referenced_files.cc).
struct Runbook {
  std::string name;
  Location location;  // the label
  Sourced<RunbookType> type;
  Sourced<std::string> file;  // as written
  Sourced<std::string> description;
  std::optional<RunbookSchedule> schedule;
  std::string content;  // the file's text; empty until read
  bool content_read = false;
};

// A region's Azure Automation account (Microsoft.Automation/automationAccounts)
// with a system-assigned identity, and its runbooks (build_automation.cc).
struct Automation {
  Location location;
  Sourced<std::string> sku;  // Basic (default) or Free
  std::vector<Runbook> runbooks;
};

const char* to_string(RunbookType);        // the azurerm/ARM runbook type
const char* to_string(ScheduleFrequency);  // the azurerm/ARM frequency
// The extension of a runbook's file in the emitted tree: .ps1 or .py.
const char* file_extension(RunbookType);

}  // namespace topoc::model

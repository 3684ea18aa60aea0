// S111-S114: what Azure Automation refuses in a runbook or its schedule.
// Sources: azurerm v4.55.0 internal/services/automation/validate/
// runbook_name.go (^[0-9a-zA-Z][-_0-9a-zA-Z]{0,62}$) and
// automation_schedule_resource.go (`interval` 1-100, refused with
// `OneTime`; `start_time` validation.IsRFC3339Time).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <regex>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

constexpr int64_t kMaxInterval = 100;

bool runbook_name_valid(std::string_view name) {
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  return !name.empty() && name.size() <= 63 && alnum(name[0]) &&
         std::all_of(name.begin(), name.end(),
                     [&](char c) { return alnum(c) || c == '-' || c == '_'; });
}

// Go's time.RFC3339: date, `T`, time with seconds, optional fraction, and
// `Z` or an offset.
bool rfc3339(const std::string& s) {
  static const std::regex kTime(
      R"(^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$)");
  return std::regex_match(s, kTime);
}

std::string lower_extension(std::string_view file) {
  size_t slash = file.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? file : file.substr(slash + 1);
  size_t dot = base.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  std::string ext(base.substr(dot));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

void check_schedule(const model::Runbook& rb, const model::RunbookSchedule& s,
                    diag::DiagnosticSink& sink) {
  if (s.interval.explicit_) {
    if (s.frequency.value == model::ScheduleFrequency::kOneTime) {
      sink.report(diag::Kind::RunbookScheduleInterval, s.interval.location,
                  fmt::format("runbook `{}`: a `OneTime` schedule fires once and takes no "
                              "`interval`",
                              rb.name))
          .help = "remove `interval`, or choose a recurring `frequency` (Hour, Day, Week, Month)";
    } else if (s.interval.value < 1 || s.interval.value > kMaxInterval) {
      sink.report(diag::Kind::RunbookScheduleInterval, s.interval.location,
                  fmt::format("runbook `{}`: `interval = {}` is outside 1-{}, what Azure "
                              "Automation accepts for a `{}` schedule",
                              rb.name, s.interval.value, kMaxInterval,
                              model::to_string(s.frequency.value)))
          .help = "write a whole number of periods from 1 to 100";
    }
  }
  if (s.start.explicit_ && !rfc3339(s.start.value)) {
    sink.report(diag::Kind::RunbookScheduleStart, s.start.location,
                fmt::format("runbook `{}`: schedule start `{}` is not an RFC 3339 time", rb.name,
                            s.start.value))
        .help =
        "write it as \"2027-01-04T02:00:00Z\", at least five minutes after the apply, or "
        "leave `start` out";
  }
}

}  // namespace

void automation_runbooks(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.automation) continue;
    for (const model::Runbook& rb : region.automation->runbooks) {
      if (!runbook_name_valid(rb.name)) {
        sink.report(diag::Kind::RunbookNameInvalid, rb.location,
                    fmt::format("runbook name `{}` is not 1-63 letters, digits, `-` and `_` "
                                "starting with a letter or digit",
                                rb.name))
            .help = "name it like `DR-Failover-Drill`";
      }
      std::string ext = lower_extension(rb.file.value);
      const char* want = model::file_extension(rb.type.value);
      if (rb.file.explicit_ && ext != want) {
        sink.report(diag::Kind::RunbookFileExtension, rb.file.location,
                    fmt::format("runbook `{}` is `{}` but its file `{}` does not end in `{}`",
                                rb.name, model::to_string(rb.type.value), rb.file.value, want))
            .help = rb.type.value == model::RunbookType::kPython3
                        ? "point `file` at the Python script, or set `type` to the script's "
                          "language"
                        : "point `file` at the PowerShell script (`.ps1`), or set `type = "
                          "Python3` for a Python script";
      }
      if (rb.schedule) check_schedule(rb, *rb.schedule, sink);
    }
  }
}

}  // namespace topoc::rules

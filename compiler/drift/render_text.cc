// Text for a terminal: a header with the inputs and counts, the residency
// breaches, then the other findings grouped by boundary and by region with
// their counts.
#include <fmt/format.h>

#include "compiler/drift/render.h"
#include "compiler/text/visible.h"

namespace topoc::drift {
namespace {

// A missing region lists this many of its resources; the rest are counted.
constexpr size_t kTextMembersListed = 10;

std::string plural(size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string boundary_heading(const std::string& boundary) {
  return boundary.empty() ? "no boundary (global resources)"
                          : fmt::format("boundary `{}`", boundary);
}

std::string location_heading(const std::string& location) {
  return location.empty() ? "no location" : location;
}

std::string inputs_line(const DriftReport& r) {
  std::string out;
  for (const StateInput& i : r.inputs) {
    out += fmt::format("{}{} ({}, {})", out.empty() ? "" : ", ", i.path, to_string(i.format),
                       plural(i.resources, "resource", "resources"));
  }
  return out;
}

std::string planned_phrase(std::string_view action) {
  if (action == "create") return "the plan creates it";
  if (action == "update") return "the plan updates it in place";
  if (action == "replace") return "the plan replaces it";
  if (action == "delete") return "the plan destroys it";
  if (action == "forget") return "the plan removes it from the state without destroying it";
  if (action == "change") return "the plan changes it";
  return "";
}

void render_finding(std::string& out, const Finding& f) {
  const FindingKindInfo& k = info(f.kind);
  std::string kind(k.name);
  for (char& c : kind) c = c == '-' ? ' ' : c;
  out += fmt::format("    {} {}: {}\n", k.code, kind, f.message);
  std::string at = !f.address.empty() ? f.address : f.id;
  if (!at.empty()) {
    out += f.input.empty() ? fmt::format("      at {}\n", at)
                           : fmt::format("      at {} in {}\n", at, f.input);
  }
  for (const AttributeChange& c : f.changes) {
    out +=
        fmt::format("      {}: topology `{}`, deployed `{}`\n", c.attribute, c.desired, c.deployed);
  }
  for (size_t i = 0; i < f.members.size() && i < kTextMembersListed; ++i) {
    out += fmt::format("      - {}\n", f.members[i]);
  }
  if (f.members.size() > kTextMembersListed) {
    out += fmt::format("      ... and {} more\n", f.members.size() - kTextMembersListed);
  }
  if (std::string p = planned_phrase(f.planned_action); !p.empty())
    out += fmt::format("      {}\n", p);
}

// Names, tags, ids and paths come from states, exports and the command
// line: each is shown with its control characters escaped (a newline in a
// name must not start a line of its own, an ANSI escape must not reach the
// terminal), and backticks escaped where the text is quoted.
DriftReport shown(DriftReport r) {
  for (std::string* s : {&r.topology, &r.environment, &r.desired_source}) *s = visible(*s);
  for (StateInput& i : r.inputs) i.path = escape_controls(i.path);
  for (Finding& f : r.findings) {
    f.boundary = visible(f.boundary);
    f.message = quoted_message(f.message);
    for (std::string* s : {&f.location, &f.address, &f.id, &f.input, &f.planned_action}) {
      *s = escape_controls(*s);
    }
    for (AttributeChange& c : f.changes) {
      c.attribute = escape_controls(c.attribute);
      c.desired = visible(c.desired);
      c.deployed = visible(c.deployed);
    }
    for (std::string& m : f.members) m = escape_controls(m);
  }
  return r;
}

}  // namespace

std::string summary_counts(const DriftReport& report) {
  if (report.findings.empty()) return "no drift";
  std::string out;
  for (const FindingKindInfo& k : all_finding_kinds()) {
    size_t n = report.count(k.kind);
    if (n == 0) continue;
    std::string what = k.kind == FindingKind::kResidencyBreach
                           ? (n == 1 ? "residency breach" : "residency breaches")
                           : std::string(k.name);
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n, what);
  }
  return out;
}

std::string render_text(const DriftReport& report) {
  const DriftReport r = shown(report);
  std::string out = fmt::format("topoc drift: `{}` ({}): {}\n", r.topology, r.environment,
                                r.in_sync() ? "in sync" : "drift found");
  out += fmt::format("  desired: {} ({})\n", r.desired_source,
                     plural(r.desired_resources, "resource", "resources"));
  out += fmt::format("  deployed: {}\n", inputs_line(r));
  out += fmt::format("  findings: {}", summary_counts(r));
  if (r.ignored > 0) out += fmt::format(" ({} ignored)", r.ignored);
  out += "\n";
  // Breaches lead in a section of their own (the report sorts them first),
  // each under its boundary and region; the rest follow by boundary.
  size_t breaches = r.count(FindingKind::kResidencyBreach);
  if (breaches > 0) {
    out += fmt::format("\nresidency breaches: {}\n", breaches);
    for (size_t j = 0; j < breaches;) {
      const Finding& first = r.findings[j];
      size_t stop = j;
      while (stop < breaches && r.findings[stop].boundary == first.boundary &&
             r.findings[stop].location == first.location) {
        ++stop;
      }
      out += fmt::format("  {}, {}: {}\n", boundary_heading(first.boundary),
                         location_heading(first.location), stop - j);
      for (size_t k = j; k < stop; ++k) render_finding(out, r.findings[k]);
      j = stop;
    }
  }
  for (size_t i = breaches; i < r.findings.size();) {
    const std::string& boundary = r.findings[i].boundary;
    size_t end = i;
    while (end < r.findings.size() && r.findings[end].boundary == boundary) ++end;
    out += fmt::format("\n{}: {}\n", boundary_heading(boundary),
                       plural(end - i, "finding", "findings"));
    for (size_t j = i; j < end;) {
      const std::string& location = r.findings[j].location;
      size_t stop = j;
      while (stop < end && r.findings[stop].location == location) ++stop;
      out += fmt::format("  {}: {}\n", location_heading(location), stop - j);
      for (size_t k = j; k < stop; ++k) render_finding(out, r.findings[k]);
      j = stop;
    }
    i = end;
  }
  return out;
}

}  // namespace topoc::drift

// Markdown for a pull-request comment: a one-line verdict, a count table,
// a table of the residency breaches, then a table per boundary; changed
// attributes and a missing region's resources fold away in <details>.
#include <fmt/format.h>

#include "compiler/drift/render.h"
#include "compiler/text/markdown.h"

namespace topoc::drift {
namespace {

constexpr size_t kMembersShown = 50;

std::string kind_label(FindingKind kind) {
  switch (kind) {
    case FindingKind::kResidencyBreach:
      return "**residency breach**";
    case FindingKind::kMissing:
      return "missing";
    case FindingKind::kChanged:
      return "changed";
    case FindingKind::kUnmanaged:
      return "unmanaged";
  }
  return "";
}

std::string details(const Finding& f) {
  std::string out;
  for (const AttributeChange& c : f.changes) {
    out += fmt::format("<br>{}: {} → {}", markdown_code(c.attribute), markdown_code(c.desired),
                       markdown_code(c.deployed));
  }
  if (!f.planned_action.empty()) out += fmt::format("<br>plan: {}", f.planned_action);
  return out;
}

std::string location_cell(const Finding& f) {
  return f.location.empty() ? "—" : markdown_message(f.location);
}

std::string resource_cell(const Finding& f) {
  std::string resource = !f.address.empty() ? f.address : f.id;
  return resource.empty() ? "—" : markdown_code(resource);
}

}  // namespace

std::string render_markdown(const DriftReport& r) {
  std::string out = fmt::format("### topoc drift: {} ({})\n\n", markdown_code(r.topology),
                                markdown_message(r.environment));
  if (r.in_sync()) {
    out += fmt::format("**In sync.** {} desired resources match what {} input{} deployed.\n",
                       r.desired_resources, r.inputs.size(),
                       r.inputs.size() == 1 ? " shows" : "s show");
    if (r.ignored > 0) out += fmt::format("\n{} findings ignored.\n", r.ignored);
    return out;
  }
  size_t breaches = r.count(FindingKind::kResidencyBreach);
  out += breaches > 0 ? fmt::format("**Drift found, with {} residency breach{}.**\n\n", breaches,
                                    breaches == 1 ? "" : "es")
                      : "**Drift found.**\n\n";
  out += "| Finding | Count |\n|---|---:|\n";
  for (const FindingKindInfo& k : all_finding_kinds()) {
    out += fmt::format("| {} `{}` | {} |\n", k.code, k.name, r.count(k.kind));
  }
  if (r.ignored > 0) out += fmt::format("| ignored | {} |\n", r.ignored);
  // Breaches lead in a table of their own (the report sorts them first).
  if (breaches > 0) {
    out +=
        "\n#### Residency breaches\n\n| Boundary | Region | Resource | Detail "
        "|\n|---|---|---|---|\n";
    for (size_t j = 0; j < breaches; ++j) {
      const Finding& f = r.findings[j];
      out += fmt::format("| {} | {} | {} | {}{} |\n",
                         f.boundary.empty() ? "—" : markdown_code(f.boundary),
                         location_cell(f), resource_cell(f), markdown_message(f.message), details(f));
    }
  }
  for (size_t i = breaches; i < r.findings.size();) {
    const std::string& boundary = r.findings[i].boundary;
    size_t end = i;
    while (end < r.findings.size() && r.findings[end].boundary == boundary) ++end;
    out += boundary.empty() ? "\n#### Global resources\n\n"
                            : fmt::format("\n#### Boundary {}\n\n", markdown_code(boundary));
    out += "| Region | Finding | Resource | Detail |\n|---|---|---|---|\n";
    for (size_t j = i; j < end; ++j) {
      const Finding& f = r.findings[j];
      out += fmt::format("| {} | {} | {} | {}{} |\n", location_cell(f), kind_label(f.kind),
                         resource_cell(f), markdown_message(f.message), details(f));
    }
    for (size_t j = i; j < end; ++j) {
      const Finding& f = r.findings[j];
      if (f.members.empty()) continue;
      out += fmt::format("\n<details><summary>{} resources of {}</summary>\n\n", f.members.size(),
                         markdown_code(f.address));
      for (size_t m = 0; m < f.members.size() && m < kMembersShown; ++m) {
        out += fmt::format("- {}\n", markdown_code(f.members[m]));
      }
      if (f.members.size() > kMembersShown) {
        out += fmt::format("- … and {} more\n", f.members.size() - kMembersShown);
      }
      out += "\n</details>\n";
    }
    i = end;
  }
  return out;
}

}  // namespace topoc::drift

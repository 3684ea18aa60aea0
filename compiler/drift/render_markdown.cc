// Markdown for a pull-request comment: a one-line verdict, a count table,
// a table of the residency breaches, then a table per boundary; changed
// attributes and a missing region's resources fold away in <details>. A
// report too long for a comment keeps the verdict, the counts and the
// breaches first and cuts the rest (render.h, kMarkdownBudget).
#include <fmt/format.h>

#include "compiler/drift/render.h"
#include "compiler/text/markdown.h"

namespace topoc::drift {
namespace {

constexpr size_t kMarkdownMembersListed = 50;

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

constexpr std::string_view kBreachTable =
    "\n#### Residency breaches\n\n| Boundary | Region | Resource | Detail |\n|---|---|---|---|\n";

std::string breach_row(const Finding& f) {
  return fmt::format("| {} | {} | {} | {}{} |\n",
                     f.boundary.empty() ? "—" : markdown_code(f.boundary), location_cell(f),
                     resource_cell(f), markdown_message(f.message), details(f));
}

// The heading and table head of the findings of one boundary.
std::string boundary_table(const std::string& boundary) {
  std::string out = boundary.empty()
                        ? "\n#### Global resources\n\n"
                        : fmt::format("\n#### Boundary {}\n\n", markdown_code(boundary));
  return out + "| Region | Finding | Resource | Detail |\n|---|---|---|---|\n";
}

std::string finding_row(const Finding& f) {
  return fmt::format("| {} | {} | {} | {}{} |\n", location_cell(f), kind_label(f.kind),
                     resource_cell(f), markdown_message(f.message), details(f));
}

// A missing region's resources, folded; empty for other findings.
std::string members_block(const Finding& f) {
  if (f.members.empty()) return "";
  std::string out = fmt::format("\n<details><summary>{} resources of {}</summary>\n\n",
                                f.members.size(), markdown_code(f.address));
  for (size_t m = 0; m < f.members.size() && m < kMarkdownMembersListed; ++m) {
    out += fmt::format("- {}\n", markdown_code(f.members[m]));
  }
  if (f.members.size() > kMarkdownMembersListed) {
    out += fmt::format("- … and {} more\n", f.members.size() - kMarkdownMembersListed);
  }
  return out + "\n</details>\n";
}

// The end of the boundary's run of findings that starts at `i`.
size_t boundary_end(const DriftReport& r, size_t i) {
  size_t end = i;
  while (end < r.findings.size() && r.findings[end].boundary == r.findings[i].boundary) ++end;
  return end;
}

// Title, verdict and counts: what a reviewer reads first, always whole.
std::string summary(const DriftReport& r) {
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
  return out;
}

// Every finding: the breaches in a table of their own (the report sorts them
// first), then a table per boundary with its missing regions' resources.
std::string whole(const DriftReport& r) {
  size_t breaches = r.count(FindingKind::kResidencyBreach);
  std::string out;
  if (breaches > 0) {
    out += kBreachTable;
    for (size_t j = 0; j < breaches; ++j) out += breach_row(r.findings[j]);
  }
  for (size_t i = breaches; i < r.findings.size();) {
    size_t end = boundary_end(r, i);
    out += boundary_table(r.findings[i].boundary);
    for (size_t j = i; j < end; ++j) out += finding_row(r.findings[j]);
    for (size_t j = i; j < end; ++j) out += members_block(r.findings[j]);
    i = end;
  }
  return out;
}

std::string left_out_note(size_t count) {
  return fmt::format(
      "\n**{} more finding{} not shown**, to keep this comment under GitHub's limit of 65,536 "
      "characters; run the same `topoc drift` command with `--format json` for all of them.\n",
      count, count == 1 ? "" : "s");
}

std::string fold_open(size_t shown, size_t of) {
  return fmt::format("\n<details><summary>{} of the {} other findings</summary>\n", shown, of);
}

constexpr std::string_view kFoldClose = "\n</details>\n";

// The report cut to `budget` bytes: breaches first, as many as fit, then the
// other findings folded away, each whole with its member list or not at all,
// then how many were left out.
std::string cut_to_budget(const DriftReport& r, std::string out, size_t budget) {
  size_t total = r.findings.size();
  size_t breaches = r.count(FindingKind::kResidencyBreach);
  // Room kept for the longest fold and note this report could need.
  size_t reserve = left_out_note(total).size() + fold_open(total, total).size() + kFoldClose.size();
  auto fits = [&](size_t more) { return out.size() + more + reserve <= budget; };
  size_t shown = 0;
  if (breaches > 0 && fits(kBreachTable.size())) {
    out += kBreachTable;
    for (; shown < breaches; ++shown) {
      std::string row = breach_row(r.findings[shown]);
      if (!fits(row.size())) break;
      out += row;
    }
  }
  if (shown == breaches && breaches < total) {
    std::string detail;
    bool full = false;
    for (size_t i = breaches; i < total && !full;) {
      size_t end = boundary_end(r, i);
      std::string table = boundary_table(r.findings[i].boundary);
      std::string blocks;
      size_t rows = 0;
      for (size_t j = i; j < end; ++j) {
        std::string row = finding_row(r.findings[j]);
        std::string block = members_block(r.findings[j]);
        if (!fits(detail.size() + table.size() + blocks.size() + row.size() + block.size())) {
          full = true;
          break;
        }
        table += row;
        blocks += block;
        ++rows;
      }
      if (rows > 0) detail += table + blocks;
      shown += rows;
      i = end;
    }
    if (shown > breaches) {
      out += fold_open(shown - breaches, total - breaches) + detail + std::string(kFoldClose);
    }
  }
  return out + left_out_note(total - shown);
}

}  // namespace

std::string render_markdown(const DriftReport& r, size_t budget) {
  std::string out = summary(r);
  if (r.in_sync()) return out;
  std::string rest = whole(r);
  if (out.size() + rest.size() <= budget) return out + rest;
  return cut_to_budget(r, std::move(out), budget);
}

}  // namespace topoc::drift

// `topoc diff --format markdown`: a pull-request comment. Sections go from
// the headline (residency widening) to the least important (attribute
// changes); when the whole would reach the comment limit, rows are cut from
// the least important sections first, each cut saying how many rows it hid.
#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "compiler/report/diff.h"
#include "compiler/report/diff_words.h"
#include "compiler/text/markdown.h"
#include "compiler/text/visible.h"

namespace topoc::report {
namespace {

std::string code(std::string_view text) {
  return markdown_code(truncated(text));
}

std::string codes(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + code(s);
  return out.empty() ? "-" : out;
}

std::string plural(size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

struct Section {
  int priority = 0;  // lower is cut first
  std::string head;  // heading and table header
  std::vector<std::string> rows;
  size_t shown = 0;

  static std::string note(size_t hidden) {
    return fmt::format("\n_{} more not shown; `topoc diff --format json` lists everything._\n",
                       hidden);
  }
  size_t size() const {
    if (rows.empty()) return 0;
    size_t n = head.size() + 1;
    for (size_t i = 0; i < shown; ++i) n += rows[i].size();
    return n + (shown < rows.size() ? note(rows.size() - shown).size() : 0);
  }
  std::string render() const {
    if (rows.empty()) return "";
    std::string out = head;
    for (size_t i = 0; i < shown; ++i) out += rows[i];
    if (shown < rows.size()) out += note(rows.size() - shown);
    return out + "\n";
  }
};

Section section(int priority, std::string head) {
  return Section{priority, std::move(head), {}, 0};
}

std::string reasons_cell(const PlacementSource& s) {
  std::string out;
  for (const DiffReason& r : s.reasons) {
    if (!out.empty()) out += "<br>";
    if (r.line != 0) out += fmt::format("line {}: ", r.line);
    out += markdown_message(truncated(r.text, 400));
  }
  return out.empty() ? "-" : out;
}

// The tenant's boundary as code: `eu`, or `us` → `eu` for a moved tenant.
std::string boundary_cell(const TenantDiff& t) {
  if (t.moved()) return code(t.old_boundary) + " → " + code(t.new_boundary);
  return code(t.removed() ? t.old_boundary : t.new_boundary);
}

std::string tenant_change(const TenantDiff& t) {
  if (t.added()) return "added";
  if (t.removed()) return "removed";
  if (t.moved())
    return fmt::format("moved from {} to {}", code(t.old_boundary), code(t.new_boundary));
  return t.widens() ? "**widened**" : "changed";
}

std::string resource_row(const ResourceDiff& r) {
  return fmt::format("| {} | {} | {} | {} |\n", code(r.key), code(r.type),
                     r.name.empty() ? "-" : code(r.name),
                     r.location.empty() ? "-" : code(r.location));
}

std::vector<Section> sections(const Diff& diff) {
  const ResidencyDiff& residency = diff.residency;
  const EstateDiff& estate = diff.estate;
  std::vector<Section> out;

  Section widening = section(9, "| Tenant | Boundary | May now reach |\n|---|---|---|\n");
  for (const TenantDiff& t : residency.tenants) {
    if (t.widens()) {
      widening.rows.push_back(fmt::format("| {} | {} | {} |\n", code(t.name), boundary_cell(t),
                                          codes(t.new_locations)));
    }
  }
  out.push_back(std::move(widening));

  Section destructive = section(
      8, fmt::format("> [!WARNING]\n> **Destructive:** {} would be replaced or destroyed, and "
                     "{} data lost.\n\n| Resource | Type | Why |\n|---|---|---|\n",
                     plural(estate.destructive(), "stateful resource", "stateful resources"),
                     estate.destructive() == 1 ? "its" : "their"));
  for (const ResourceDiff& r : estate.resources) {
    if (r.destructive) {
      destructive.rows.push_back(fmt::format("| {} | {} | {} |\n", code(r.key), code(r.type),
                                             markdown_message(r.destruction)));
    }
  }
  out.push_back(std::move(destructive));

  Section tenants = section(7,
                            "### Tenants\n\n| Tenant | Boundary | Change | New locations | "
                            "Removed locations |\n|---|---|---|---|---|\n");
  for (const TenantDiff& t : residency.tenants) {
    tenants.rows.push_back(fmt::format("| {} | {} | {} | {} | {} |\n", code(t.name),
                                       boundary_cell(t), tenant_change(t), codes(t.new_locations),
                                       codes(t.removed_locations)));
  }
  out.push_back(std::move(tenants));

  Section policies = section(6,
                             "### Boundary policies\n\n| Boundary | Change | Allowed locations "
                             "added | Allowed locations removed | Policy resources |\n"
                             "|---|---|---|---|---|\n");
  for (const BoundaryPolicyDiff& b : residency.boundaries) {
    std::string resources;
    for (const ResourceDiff& r : b.resources) {
      resources +=
          fmt::format("{}{} {}", resources.empty() ? "" : "<br>", to_string(r.change), code(r.key));
    }
    policies.rows.push_back(fmt::format("| {} | {} | {} | {} | {} |\n", code(b.name),
                                        b.added     ? "added"
                                        : b.removed ? "removed"
                                                    : "changed",
                                        codes(b.allowed_added), codes(b.allowed_removed),
                                        resources.empty() ? "-" : resources));
  }
  out.push_back(std::move(policies));

  Section placements = section(5,
                               "### New placements\n\n| Tenant | Kind | Locations | Resource | Why "
                               "|\n|---|---|---|---|---|\n");
  for (const TenantDiff& t : residency.tenants) {
    for (const PlacementRow& row : placement_rows(t)) {
      std::string where = codes(row.locations);
      if (!row.source->from.empty()) where += fmt::format(" (from {})", code(row.source->from));
      placements.rows.push_back(fmt::format("| {} | {} | {} | {} | {} |\n", code(t.name), row.kind,
                                            where, code(row.source->resource),
                                            reasons_cell(*row.source)));
    }
  }
  out.push_back(std::move(placements));

  Section removed = section(
      4, "### Resources removed\n\n| Resource | Type | Name | Location |\n|---|---|---|---|\n");
  Section added = section(
      3, "### Resources added\n\n| Resource | Type | Name | Location |\n|---|---|---|---|\n");
  Section changed = section(
      2, "### Resources changed\n\n| Resource | Attribute | Before | After |\n|---|---|---|---|\n");
  for (const PropertyChange& c : estate.estate) {
    changed.rows.push_back(fmt::format("| (every resource) | {} | {} | {} |\n", code(c.name),
                                       code(value_text(c.before)), code(value_text(c.after))));
  }
  for (const ResourceDiff& r : estate.resources) {
    switch (r.change) {
      case ResourceChangeKind::kAdded:
        added.rows.push_back(resource_row(r));
        break;
      case ResourceChangeKind::kRemoved:
        removed.rows.push_back(resource_row(r));
        break;
      case ResourceChangeKind::kMoved:
        changed.rows.push_back(fmt::format("| {} | (address) | {} | {} |\n", code(r.key),
                                           code(r.old_key), code(r.key)));
        [[fallthrough]];
      case ResourceChangeKind::kChanged:
        for (const PropertyChange& c : r.properties) {
          changed.rows.push_back(fmt::format("| {} | {} | {} | {} |\n", code(r.key), code(c.name),
                                             code(value_text(c.before)),
                                             code(value_text(c.after))));
        }
        break;
    }
  }
  out.push_back(std::move(removed));
  out.push_back(std::move(added));
  out.push_back(std::move(changed));
  return out;
}

// The opening lines, never cut: what was compared and the headline.
std::string preamble(const Diff& diff) {
  std::string out = fmt::format("## topoc diff\n\n{} → {}, environment {}\n\n",
                                code(diff.old_label), code(diff.new_label), code(diff.environment));
  if (diff.empty()) {
    return out + "No changes: both topologies deploy the same estate with the same residency.\n";
  }
  size_t widening = diff.residency.widening_tenants();
  if (widening > 0) {
    out += fmt::format(
        "> [!CAUTION]\n> **Residency widening:** the data of {} may reach locations it could not "
        "reach before.\n\n",
        plural(widening, "tenant", "tenants"));
  } else {
    out += "**Residency widening:** none.\n\n";
  }
  return out;
}

std::string summary(const Diff& diff) {
  size_t tenants = diff.residency.tenants.size(), boundaries = diff.residency.boundaries.size();
  return fmt::format("**Estate:** {}. **Residency:** {} changed, {} with policy changes.\n\n",
                     estate_summary(diff.estate), plural(tenants, "tenant", "tenants"),
                     plural(boundaries, "boundary", "boundaries"));
}

}  // namespace

std::string render_markdown(const Diff& diff, size_t limit) {
  std::string head = preamble(diff);
  if (diff.empty()) return head;
  std::vector<Section> parts = sections(diff);
  for (Section& s : parts) s.shown = s.rows.size();
  std::string middle = summary(diff);
  // Strictly under the limit; sizes are bytes, which are never fewer than
  // the characters GitHub counts.
  const size_t budget = limit - 1;
  auto total = [&] {
    return std::accumulate(parts.begin(), parts.end(), head.size() + middle.size(),
                           [](size_t n, const Section& s) { return n + s.size(); });
  };
  std::vector<Section*> by_priority;
  for (Section& s : parts) by_priority.push_back(&s);
  std::sort(by_priority.begin(), by_priority.end(),
            [](const Section* a, const Section* b) { return a->priority < b->priority; });
  for (Section* s : by_priority) {
    size_t now = total();
    if (now <= budget) break;
    if (s->rows.empty()) continue;
    // Rows kept while they fit with the note saying how many are not.
    const size_t fixed =
        now - s->size() + s->head.size() + 1 + Section::note(s->rows.size()).size();
    size_t used = 0;
    s->shown = 0;
    while (s->shown < s->rows.size() && fixed + used + s->rows[s->shown].size() <= budget) {
      used += s->rows[s->shown++].size();
    }
  }
  // The widening table and the destructive list come before the summary,
  // the rest after it.
  std::string out = head + parts[0].render() + parts[1].render() + middle;
  for (size_t i = 2; i < parts.size(); ++i) out += parts[i].render();
  return out;
}

}  // namespace topoc::report

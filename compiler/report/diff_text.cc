// `topoc diff` (the default text format): the same sections as the Markdown
// comment, for a terminal, in full. User text is shown with control
// characters escaped (compiler/text/visible.h).
#include <fmt/format.h>

#include "compiler/report/diff.h"
#include "compiler/report/diff_words.h"
#include "compiler/text/visible.h"

namespace topoc::report {
namespace {

std::string q(std::string_view text) {
  return "`" + visible(truncated(text)) + "`";
}

std::string list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + visible(s);
  return out;
}

void tenants(const Diff& diff, std::string& out) {
  if (diff.residency.tenants.empty()) return;
  out += "\nTenants:\n";
  for (const TenantDiff& t : diff.residency.tenants) {
    std::string change =
        t.added()     ? "added"
        : t.removed() ? "removed"
        : t.moved()   ? fmt::format("moved from {} to {}", q(t.old_boundary), q(t.new_boundary))
        : t.widens()  ? "widened"
                      : "changed";
    out += fmt::format("  {} (boundary {}): {}\n", q(t.name),
                       q(t.removed() ? t.old_boundary : t.new_boundary), change);
    if (!t.new_locations.empty()) out += "    new locations: " + list(t.new_locations) + "\n";
    if (!t.removed_locations.empty()) {
      out += "    removed locations: " + list(t.removed_locations) + "\n";
    }
    for (const PlacementRow& row : placement_rows(t)) {
      const PlacementSource& s = *row.source;
      out += fmt::format("    new {} in {}{}: {}\n", row.kind, list(row.locations),
                         s.from.empty() ? "" : " (from " + visible(s.from) + ")", q(s.resource));
      for (const DiffReason& r : s.reasons) {
        out += fmt::format("      {}{}\n", r.line ? fmt::format("line {}: ", r.line) : "",
                           quoted_message(r.text));
      }
    }
  }
}

void boundaries(const Diff& diff, std::string& out) {
  if (diff.residency.boundaries.empty()) return;
  out += "\nBoundary policies:\n";
  for (const BoundaryPolicyDiff& b : diff.residency.boundaries) {
    out += fmt::format("  {}: {}\n", q(b.name),
                       b.added     ? "added"
                       : b.removed ? "removed"
                                   : "policy changes");
    if (!b.allowed_added.empty()) out += "    now allows: " + list(b.allowed_added) + "\n";
    if (!b.allowed_removed.empty())
      out += "    no longer allows: " + list(b.allowed_removed) + "\n";
    for (const ResourceDiff& r : b.resources) {
      out += fmt::format("    {} {}\n", to_string(r.change), q(r.key));
    }
  }
}

void resources(const Diff& diff, std::string& out) {
  const EstateDiff& e = diff.estate;
  if (e.resources.empty() && e.estate.empty()) return;
  out += "\nResources:\n";
  for (const PropertyChange& c : e.estate) {
    out += fmt::format("  ~ every resource: {}: {} -> {}\n", c.name, visible(value_text(c.before)),
                       visible(value_text(c.after)));
  }
  for (const ResourceDiff& r : e.resources) {
    char sign = r.change == ResourceChangeKind::kAdded     ? '+'
                : r.change == ResourceChangeKind::kRemoved ? '-'
                                                           : '~';
    out += fmt::format("  {} {} ({})", sign, q(r.key), r.type);
    if (r.change == ResourceChangeKind::kMoved) out += " moved from " + q(r.old_key);
    out += "\n";
    for (const PropertyChange& c : r.properties) {
      out += fmt::format("      {}: {} -> {}\n", c.name, visible(value_text(c.before)),
                         visible(value_text(c.after)));
    }
  }
}

}  // namespace

std::string render_text(const Diff& diff) {
  std::string out = fmt::format("topoc diff {} -> {} (environment {})\n", q(diff.old_label),
                                q(diff.new_label), q(diff.environment));
  if (diff.empty()) return out + "No changes.\n";
  size_t widening = diff.residency.widening_tenants();
  if (widening == 0) {
    out += "Residency widening: none.\n";
  } else {
    out += fmt::format(
        "RESIDENCY WIDENING: the data of {} tenant{} may reach locations it could "
        "not reach before:\n",
        widening, widening == 1 ? "" : "s");
    for (const TenantDiff& t : diff.residency.tenants) {
      if (t.widens()) {
        out += fmt::format("  {} ({}): {}\n", q(t.name), visible(boundary_text(t)),
                           list(t.new_locations));
      }
    }
  }
  if (size_t n = diff.estate.destructive()) {
    out += fmt::format(
        "DESTRUCTIVE: {} stateful resource{} would be replaced or destroyed, and "
        "{} data lost:\n",
        n, n == 1 ? "" : "s", n == 1 ? "its" : "their");
    for (const ResourceDiff& r : diff.estate.resources) {
      if (r.destructive) out += fmt::format("  {}: {}\n", q(r.key), quoted_message(r.destruction));
    }
  }
  out += fmt::format(
      "Estate: {}. Residency: {} tenant{} changed, {} boundar{} with policy "
      "changes.\n",
      estate_summary(diff.estate), diff.residency.tenants.size(),
      diff.residency.tenants.size() == 1 ? "" : "s", diff.residency.boundaries.size(),
      diff.residency.boundaries.size() == 1 ? "y" : "ies");
  tenants(diff, out);
  boundaries(diff, out);
  resources(diff, out);
  return out;
}

}  // namespace topoc::report

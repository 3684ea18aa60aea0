// `topoc residency --format markdown`: the report as an annex for a data
// protection impact assessment or a customer's security questionnaire,
// written for a privacy officer. Every piece of user text goes through the
// Markdown escapes of compiler/text/markdown.h.
#include <fmt/format.h>

#include "compiler/report/residency_render.h"
#include "compiler/text/markdown.h"

namespace topoc::report {
namespace {
// Named apart from the other renderers' helpers of the same names.
namespace residency_markdown_page {

std::string at(const SourceLine& line) {
  if (line.line == 0) return "a default, not written in the topology";
  return markdown_code(fmt::format("{}:{}", line.file, line.line));
}

std::string location_list(const std::vector<std::string>& locations) {
  if (locations.empty()) return "none";
  std::string out;
  for (const std::string& l : locations) out += (out.empty() ? "" : ", ") + markdown_code(l);
  return out;
}

std::string place(const PlacedLocation& l) {
  std::string out = fmt::format("{} ({})", markdown_cell(l.display), markdown_code(l.location));
  if (!l.country.empty()) out += ", " + l.country;
  return out;
}

void resource_lines(std::string& out, estate::PlacementKind kind, const PlacedResource& r,
                    std::string_view lead = "") {
  out += fmt::format("- {}{} ({}", lead, markdown_code(r.name), markdown_cell(r.azurerm_type));
  if (!r.from.empty()) out += fmt::format(", {} {}", from_phrase(kind), markdown_code(r.from));
  out += ")\n";
  for (const Reason& reason : r.reasons) {
    out += fmt::format("  - {} ({})\n", markdown_message(reason.text), at(reason.at));
  }
}

void summary(std::string& out, const ResidencyReport& report) {
  out += "## Summary\n\n";
  out +=
      "| Boundary | Allowed locations | Locations the data may reach | Outside the boundary | "
      "Tenants |\n|---|---|---|---|---|\n";
  for (const BoundaryResidency& b : report.boundaries) {
    out += fmt::format("| {} | {} | {} | {} | {} |\n", markdown_code(b.name),
                       location_list(b.allowed_locations), location_list(b.reached),
                       location_list(b.outside), b.tenants.size());
  }
  out += "\n";
}

void tenants(std::string& out, const BoundaryResidency& b) {
  if (b.tenants.empty()) {
    out += "No tenant is declared in this boundary.\n\n";
    return;
  }
  out += fmt::format("Tenants ({}): ", b.tenants.size());
  bool first = true;
  for (const TenantEntry& t : b.tenants) {
    out += first ? "" : ", ";
    first = false;
    out += markdown_code(t.name);
    if (!t.home.empty()) out += fmt::format(" (home region {})", markdown_code(t.home));
  }
  out += ".\n\n";
}

void placements(std::string& out, const BoundaryResidency& b) {
  if (b.kinds.empty()) {
    out += "No resource holds this boundary's data: no region of the topology serves it.\n\n";
    return;
  }
  out += "### Where the data may be\n\n";
  out += "| Kind | Location | Inside the boundary | Resources |\n|---|---|---|---|\n";
  for (const KindGroup& g : b.kinds) {
    for (const PlacedLocation& l : g.locations) {
      out += fmt::format("| {} | {} | {} | {} |\n", kind_title(g.kind), place(l),
                         l.allowed ? "yes" : "**no**", l.resources.size());
    }
  }
  out += "\n";
  for (const KindGroup& g : b.kinds) {
    out += fmt::format("### {}\n\n{}\n\n", kind_title(g.kind), kind_meaning(g.kind));
    for (const auto& same : locations_with_same_resources(g)) {
      std::string places;
      for (const PlacedLocation* l : same) places += (places.empty() ? "" : "; ") + place(*l);
      out += fmt::format("#### {}: {}\n\n", places,
                         same[0]->allowed ? "inside the boundary" : "**outside the boundary**");
      for (const PlacedResource& r : same[0]->resources) resource_lines(out, g.kind, r);
      out += "\n";
    }
  }
  if (!b.absent.empty()) {
    out +=
        "### Copies Azure cannot make\n\n"
        "The topology asks for these copies, but Azure offers no location for them (a region "
        "without a pair, a data zone Azure does not have); `topoc check` reports each.\n\n";
    for (const AbsentPlacement& a : b.absent) {
      resource_lines(out, a.kind, a.resource, fmt::format("{}: ", kind_title(a.kind)));
    }
    out += "\n";
  }
}

void guards(std::string& out, const BoundaryResidency& b) {
  out += "### Deploy-time guards (Azure Policy)\n\n";
  if (b.guards.empty()) {
    out += "No policy is assigned: the boundary has no region, so nothing is deployed for it.\n\n";
    return;
  }
  out +=
      "Assigned by the generated Terraform and Bicep on each resource group holding the "
      "boundary's data; Azure refuses a deployment that breaks them.\n\n";
  out += "| Assignment | Resource group | Policy definition | Effect |\n|---|---|---|---|\n";
  for (const PolicyGuard& g : b.guards) {
    out += fmt::format("| {} | {} | {} | {} |\n", markdown_code(g.assignment),
                       markdown_code(g.resource_group), markdown_code(g.definition),
                       markdown_cell(g.effect));
  }
  out += "\n";
}

void boundary(std::string& out, const BoundaryResidency& b) {
  out += fmt::format("## Boundary {}\n\n", markdown_code(b.name));
  out += fmt::format("Declared at {}. Geography: {}. Allowed locations: {}. Regions: {}.\n\n",
                     at(b.declared), markdown_code(b.geography), location_list(b.allowed_locations),
                     location_list(b.region_keys));
  tenants(out, b);
  if (b.outside.empty()) {
    out += fmt::format("Every location the data may reach is inside the boundary: {}.\n\n",
                       location_list(b.reached));
  } else {
    out += fmt::format("**The data may reach locations outside the boundary: {}.**\n\n",
                       location_list(b.outside));
  }
  placements(out, b);
  guards(out, b);
}

std::string render(const ResidencyReport& report) {
  std::string out = fmt::format("# Data residency of {} (environment {})\n\n",
                                markdown_code(report.topology), markdown_code(report.environment));
  out += fmt::format(
      "Where the data of each residency boundary's tenants may be kept, copied or processed in "
      "Azure, as the topology {} plans it, before anything is deployed. Each location is traced "
      "back to the lines of the topology that cause it (file:line).\n\n",
      markdown_code(report.file));
  if (report.scope == ResidencyReport::Scope::kTenant) {
    out += fmt::format(
        "This report covers the tenant {} and the boundary that holds its data; "
        "every tenant of a boundary shares its resources.\n\n",
        markdown_code(report.selected));
  } else if (report.scope == ResidencyReport::Scope::kBoundary) {
    out += fmt::format("This report covers the boundary {}.\n\n", markdown_code(report.selected));
  }
  if (report.boundaries.empty()) {
    out += "The topology declares no residency boundary.\n\n";
  } else {
    summary(out, report);
  }
  for (const BoundaryResidency& b : report.boundaries) boundary(out, b);
  out += "## Non-personal data\n\n";
  if (report.exemptions.empty()) {
    out +=
        "No exemption is declared: the topology marks no resource as holding only "
        "non-personal data, so every resource above is treated as holding personal data.\n\n";
  } else {
    out +=
        "The topology declares these resources to hold only non-personal data (`data = "
        "non-personal`). They are not counted in the boundaries above: each may be copied to "
        "locations a boundary does not allow, as an exemption from its residency.\n\n";
    for (const Exemption& x : report.exemptions) {
      out +=
          fmt::format("- {} ({}), {}: in {}", markdown_code(x.name), markdown_cell(x.azurerm_type),
                      markdown_cell(x.data_class), location_list(x.locations));
      if (!x.left_boundaries.empty()) {
        out += fmt::format("; exempt from {} {}",
                           x.left_boundaries.size() == 1 ? "boundary" : "boundaries",
                           location_list(x.left_boundaries));
      }
      out += "\n";
      for (const Reason& reason : x.reasons) {
        out += fmt::format("  - {} ({})\n", markdown_message(reason.text), at(reason.at));
      }
    }
    out += "\n";
  }
  out += "## What topoc cannot see\n\n";
  out += "This report rests on these assumptions:\n\n";
  for (const std::string& a : report.assumptions) {
    out += fmt::format("- {}\n", markdown_message(a));
  }
  return out;
}

}  // namespace residency_markdown_page
}  // namespace

std::string render_residency_markdown(const ResidencyReport& report) {
  return residency_markdown_page::render(report);
}

}  // namespace topoc::report

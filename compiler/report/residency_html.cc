// `topoc residency --format html`: one self-contained page (inline CSS, SVG
// and script; a Content-Security-Policy that forbids every fetch) with the
// report's text and a world map per boundary. Every piece of user text goes
// through html_escape.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/report/residency_map.h"
#include "compiler/report/residency_render.h"

namespace topoc::report {
namespace {
// Named apart from the other renderers' helpers of the same names.
namespace residency_html_page {

constexpr std::string_view kStyle =
    R"(body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#1b1b1b}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
th{background:#f3f3f3}code{background:#f3f3f3;padding:0 .2em;border-radius:3px}
.no{color:#b00020;font-weight:bold}
.map{width:100%;height:auto;border:1px solid #ccc}
.sea{fill:#eef4f8}.grid{stroke:#d5dde3;stroke-width:1px;fill:none;vector-effect:non-scaling-stroke}
.region{fill:#9aa5ad}.region.allowed{fill:#1a7f37}
.boundary{fill:#1a7f37;fill-opacity:.12;stroke:#1a7f37;stroke-opacity:.35;stroke-width:24px;stroke-linejoin:round;vector-effect:non-scaling-stroke}
.label{fill:#1b1b1b;paint-order:stroke;stroke:#eef4f8;stroke-width:3px;vector-effect:non-scaling-stroke}
.placement{stroke:#fff;stroke-width:1px;vector-effect:non-scaling-stroke}.placement.outside{stroke:#b00020;stroke-width:3px}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4em 1.4em}
.legend svg{vertical-align:middle;margin-right:.3em}
.reasons{margin:.2em 0 .6em}
)";

// Counts each map's markers into its caption once the page is loaded; the
// browser test reads the counts back from the DOM.
constexpr std::string_view kScript =
    R"(document.querySelectorAll("figure[data-boundary]").forEach(function (figure) {
  var count = figure.querySelectorAll("circle.placement").length;
  figure.dataset.markers = String(count);
  var out = figure.querySelector("output.marker-count");
  if (out) out.textContent = count === 1 ? "1 placement marked" : count + " placements marked";
});
document.body.dataset.ready = "true";
)";

// topoc's prose with `quoted` names, escaped, each backtick pair as <code>.
std::string prose(std::string_view text) {
  std::string escaped = html_escape(text);
  if (std::count(escaped.begin(), escaped.end(), '`') % 2 != 0) return escaped;
  std::string out;
  bool open = false;
  for (char c : escaped) {
    if (c == '`') {
      out += open ? "</code>" : "<code>";
      open = !open;
    } else {
      out += c;
    }
  }
  return out;
}

std::string code(std::string_view text) {
  return "<code>" + html_escape(text) + "</code>";
}

std::string at(const SourceLine& line) {
  if (line.line == 0) return "a default, not written in the topology";
  return code(fmt::format("{}:{}", line.file, line.line));
}

std::string location_list(const std::vector<std::string>& locations) {
  if (locations.empty()) return "none";
  std::string out;
  for (const std::string& l : locations) out += (out.empty() ? "" : ", ") + code(l);
  return out;
}

std::string place(const PlacedLocation& l) {
  std::string out = html_escape(l.display) + " (" + code(l.location) + ")";
  if (!l.country.empty()) out += ", " + html_escape(l.country);
  return out;
}

std::string swatch(std::string_view fill, std::string_view cls = "") {
  return fmt::format(
      "<svg width=\"14\" height=\"14\" aria-hidden=\"true\"><circle cx=\"7\" cy=\"7\" r=\"5\" "
      "fill=\"{}\"{}/></svg>",
      fill, cls.empty() ? "" : fmt::format(" class=\"{}\"", cls));
}

void legend(std::string& out) {
  out += "<ul class=\"legend\">\n";
  for (int k = 0; k < kPlacementKinds; ++k) {
    auto kind = static_cast<estate::PlacementKind>(k);
    out += fmt::format("<li data-kind=\"{}\">{}{}</li>\n", kind_key(kind),
                       swatch(kind_colour(kind)), kind_title(kind));
  }
  out += fmt::format("<li>{}Region the boundary allows</li>\n", swatch("#1a7f37"));
  out += fmt::format("<li>{}Other Azure region</li>\n", swatch("#9aa5ad"));
  out += "<li>Shaded area: the boundary</li>\n";
  out += "<li>Red ring: a placement outside the boundary</li>\n</ul>\n";
}

void resource_item(std::string& out, estate::PlacementKind kind, const PlacedResource& r,
                   std::string_view lead = "") {
  out += fmt::format("<li>{}{} ({}", lead, code(r.name), html_escape(r.azurerm_type));
  if (!r.from.empty()) out += fmt::format(", {} {}", from_phrase(kind), code(r.from));
  out += ")\n<ul class=\"reasons\">\n";
  for (const Reason& reason : r.reasons) {
    out += fmt::format("<li>{} ({})</li>\n", prose(reason.text), at(reason.at));
  }
  out += "</ul></li>\n";
}

void placements(std::string& out, const BoundaryResidency& b) {
  if (b.kinds.empty()) {
    out += "<p>No resource holds this boundary's data: no region of the topology serves it.</p>\n";
    return;
  }
  out +=
      "<h3>Where the data may be</h3>\n<table>\n<tr><th>Kind</th><th>Location</th>"
      "<th>Inside the boundary</th><th>Resources</th></tr>\n";
  for (const KindGroup& g : b.kinds) {
    for (const PlacedLocation& l : g.locations) {
      out +=
          fmt::format("<tr data-kind=\"{}\"><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                      kind_key(g.kind), swatch(kind_colour(g.kind)), kind_title(g.kind), place(l),
                      l.allowed ? "yes" : "<span class=\"no\">no</span>", l.resources.size());
    }
  }
  out += "</table>\n";
  for (const KindGroup& g : b.kinds) {
    out += fmt::format("<h3>{}</h3>\n<p>{}</p>\n", kind_title(g.kind), kind_meaning(g.kind));
    for (const auto& same : locations_with_same_resources(g)) {
      std::string places;
      for (const PlacedLocation* l : same) places += (places.empty() ? "" : "; ") + place(*l);
      out += fmt::format("<h4>{}: {}</h4>\n<ul>\n", places,
                         same[0]->allowed ? "inside the boundary"
                                          : "<span class=\"no\">outside the boundary</span>");
      for (const PlacedResource& r : same[0]->resources) resource_item(out, g.kind, r);
      out += "</ul>\n";
    }
  }
  if (!b.absent.empty()) {
    out +=
        "<h3>Copies Azure cannot make</h3>\n<p>The topology asks for these copies, but Azure "
        "offers no location for them (a region without a pair, a data zone Azure does not "
        "have); <code>topoc check</code> reports each.</p>\n<ul>\n";
    for (const AbsentPlacement& a : b.absent) {
      resource_item(out, a.kind, a.resource, fmt::format("{}: ", kind_title(a.kind)));
    }
    out += "</ul>\n";
  }
}

void guards(std::string& out, const BoundaryResidency& b) {
  out += "<h3>Deploy-time guards (Azure Policy)</h3>\n";
  if (b.guards.empty()) {
    out +=
        "<p>No policy is assigned: the boundary has no region, so nothing is deployed for "
        "it.</p>\n";
    return;
  }
  out +=
      "<p>Assigned by the generated Terraform and Bicep on each resource group holding the "
      "boundary's data; Azure refuses a deployment that breaks them.</p>\n<table>\n"
      "<tr><th>Assignment</th><th>Resource group</th><th>Policy definition</th>"
      "<th>Effect</th></tr>\n";
  for (const PolicyGuard& g : b.guards) {
    out +=
        fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", code(g.assignment),
                    code(g.resource_group), code(g.definition), html_escape(g.effect));
  }
  out += "</table>\n";
}

void tenants(std::string& out, const BoundaryResidency& b) {
  if (b.tenants.empty()) {
    out += "<p>No tenant is declared in this boundary.</p>\n";
    return;
  }
  out += fmt::format("<p>Tenants ({}): ", b.tenants.size());
  bool first = true;
  for (const TenantEntry& t : b.tenants) {
    out += first ? "" : ", ";
    first = false;
    out += code(t.name);
    if (!t.home.empty()) out += " (home region " + code(t.home) + ")";
  }
  out += ".</p>\n";
}

void boundary(std::string& out, const BoundaryResidency& b) {
  std::string name = html_escape(b.name);
  out += fmt::format("<section data-boundary=\"{}\">\n<h2>Boundary {}</h2>\n", name, code(b.name));
  out += fmt::format("<p>Declared at {}. Geography: {}. Allowed locations: {}. Regions: {}.</p>\n",
                     at(b.declared), code(b.geography), location_list(b.allowed_locations),
                     location_list(b.region_keys));
  tenants(out, b);
  if (b.outside.empty()) {
    out += fmt::format("<p>Every location the data may reach is inside the boundary: {}.</p>\n",
                       location_list(b.reached));
  } else {
    out +=
        fmt::format("<p class=\"no\">The data may reach locations outside the boundary: {}.</p>\n",
                    location_list(b.outside));
  }
  out += fmt::format("<figure data-boundary=\"{}\">\n", name);
  out += residency_map_svg(b);
  out += "<figcaption>";
  legend(out);
  out += "<output class=\"marker-count\"></output></figcaption>\n</figure>\n";
  placements(out, b);
  guards(out, b);
  out += "</section>\n";
}

std::string render(const ResidencyReport& report) {
  std::string title = fmt::format("Data residency of {} (environment {})",
                                  html_escape(report.topology), html_escape(report.environment));
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  // Nothing may be fetched: the page is an annex that must show the same
  // offline, and a name in it cannot load anything.
  out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n", title, kStyle);
  out += fmt::format("<h1>{}</h1>\n", title);
  out += fmt::format(
      "<p>Where the data of each residency boundary's tenants may be kept, copied or processed "
      "in Azure, as the topology {} plans it, before anything is deployed. Each location is "
      "traced back to the lines of the topology that cause it (file:line).</p>\n",
      code(report.file));
  if (report.scope == ResidencyReport::Scope::kTenant) {
    out += fmt::format(
        "<p>This report covers the tenant {} and the boundary that holds its "
        "data; every tenant of a boundary shares its resources.</p>\n",
        code(report.selected));
  } else if (report.scope == ResidencyReport::Scope::kBoundary) {
    out += fmt::format("<p>This report covers the boundary {}.</p>\n", code(report.selected));
  }
  if (report.boundaries.empty()) {
    out += "<p>The topology declares no residency boundary.</p>\n";
  } else {
    out +=
        "<h2>Summary</h2>\n<table>\n<tr><th>Boundary</th><th>Allowed locations</th>"
        "<th>Locations the data may reach</th><th>Outside the boundary</th>"
        "<th>Tenants</th></tr>\n";
    for (const BoundaryResidency& b : report.boundaries) {
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                         code(b.name), location_list(b.allowed_locations), location_list(b.reached),
                         location_list(b.outside), b.tenants.size());
    }
    out += "</table>\n";
  }
  for (const BoundaryResidency& b : report.boundaries) boundary(out, b);
  out += "<h2>Non-personal data</h2>\n";
  if (report.exemptions.empty()) {
    out +=
        "<p>No exemption is declared: the topology marks no resource as holding only "
        "non-personal data, so every resource above is treated as holding personal "
        "data.</p>\n";
  } else {
    out += "<ul>\n";
    for (const Exemption& x : report.exemptions) {
      out += fmt::format("<li>{} ({}), {}: in {}", code(x.name), prose(x.azurerm_type),
                         prose(x.data_class), location_list(x.locations));
      if (!x.left_boundaries.empty()) {
        out += fmt::format("; exempt from {} {}",
                           x.left_boundaries.size() == 1 ? "boundary" : "boundaries",
                           location_list(x.left_boundaries));
      }
      out += "\n<ul class=\"reasons\">\n";
      for (const Reason& reason : x.reasons) {
        out += fmt::format("<li>{} ({})</li>\n", prose(reason.text), at(reason.at));
      }
      out += "</ul></li>\n";
    }
    out += "</ul>\n";
  }
  out += "<h2>What topoc cannot see</h2>\n<p>This report rests on these assumptions:</p>\n<ul>\n";
  for (const std::string& a : report.assumptions) out += "<li>" + prose(a) + "</li>\n";
  out += fmt::format("</ul>\n<script>\n{}</script>\n</body>\n</html>\n", kScript);
  return out;
}

}  // namespace residency_html_page
}  // namespace

std::string render_residency_html(const ResidencyReport& report) {
  return residency_html_page::render(report);
}

}  // namespace topoc::report

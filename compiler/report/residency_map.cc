#include "compiler/report/residency_map.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "compiler/catalog/region_catalog.h"
#include "compiler/text/visible.h"

namespace topoc::report {

std::string_view kind_colour(estate::PlacementKind kind) {
  // Distinct on white and for the common colour-vision deficiencies
  // (Okabe-Ito palette, plus black and grey).
  switch (kind) {
    case estate::PlacementKind::kPrimary:
      return "#0072b2";
    case estate::PlacementKind::kReplica:
      return "#56b4e9";
    case estate::PlacementKind::kFailover:
      return "#e69f00";
    case estate::PlacementKind::kGeoPairCopy:
      return "#cc79a7";
    case estate::PlacementKind::kBackupCopy:
      return "#d55e00";
    case estate::PlacementKind::kProcessing:
      return "#009e73";
    case estate::PlacementKind::kCacheEdge:
      return "#f0e442";
    case estate::PlacementKind::kLogSink:
      return "#555555";
  }
  return "#000000";
}

std::string html_escape(std::string_view text) {
  std::string out;
  for (char c : escape_controls(text)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

// The drawing: 360 x 180 degrees at 2.5 px per degree, cropped to the
// latitudes Azure has regions in (75 N to 56 S).
constexpr double kScale = 2.5;
constexpr double kTop = 75, kBottom = -56;

struct Point {
  double x = 0, y = 0;
  bool operator<(const Point& o) const { return std::tie(x, y) < std::tie(o.x, o.y); }
  bool operator==(const Point& o) const { return x == o.x && y == o.y; }
};

Point project(const catalog::RegionInfo& r) {
  return {(r.longitude + 180) * kScale, (90 - r.latitude) * kScale};
}

std::string num(double v) {
  return fmt::format("{:.1f}", v);
}

double cross(const Point& o, const Point& a, const Point& b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

// Andrew's monotone chain; points sorted and unique.
std::vector<Point> convex_hull(std::vector<Point> p) {
  std::sort(p.begin(), p.end());
  p.erase(std::unique(p.begin(), p.end()), p.end());
  if (p.size() < 3) return p;
  std::vector<Point> hull(2 * p.size());
  size_t k = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    while (k >= 2 && cross(hull[k - 2], hull[k - 1], p[i]) <= 0) --k;
    hull[k++] = p[i];
  }
  for (size_t i = p.size() - 1, t = k + 1; i > 0; --i) {
    while (k >= t && cross(hull[k - 2], hull[k - 1], p[i - 1]) <= 0) --k;
    hull[k++] = p[i - 1];
  }
  hull.resize(k - 1);
  return hull;
}

void graticule(std::string& out) {
  std::string d;
  for (int lon = -150; lon <= 150; lon += 30) {
    double x = (lon + 180) * kScale;
    d += fmt::format("M{} {}V{}", num(x), num((90 - kTop) * kScale), num((90 - kBottom) * kScale));
  }
  for (int lat = -30; lat <= 60; lat += 30) {
    d += fmt::format("M0 {}H{}", num((90 - lat) * kScale), num(360 * kScale));
  }
  out += fmt::format("<path class=\"grid\" d=\"{}\"/>\n", d);
}

// The part of the world the map shows: the boundary's allowed locations and
// every location its data reaches, with a margin, at least 160 degrees wide
// and about twice as wide as high. `unit` sizes markers and labels so that
// they read the same on a zoomed map as on the whole world.
struct View {
  double x = 0, y = 0, width = 0, height = 0, unit = 1;
};

View view_of(const BoundaryResidency& b) {
  double world_top = (90 - kTop) * kScale, world_bottom = (90 - kBottom) * kScale,
         world_width = 360 * kScale;
  std::vector<Point> points;
  for (const auto* list : {&b.allowed_locations, &b.reached}) {
    for (const std::string& l : *list) {
      if (const catalog::RegionInfo* info = catalog::find_region(l))
        points.push_back(project(*info));
    }
  }
  View v{0, world_top, world_width, world_bottom - world_top, world_width / 400};
  if (points.empty()) return v;
  auto [min_x, max_x] = std::minmax_element(
      points.begin(), points.end(), [](const Point& a, const Point& c) { return a.x < c.x; });
  auto [min_y, max_y] = std::minmax_element(
      points.begin(), points.end(), [](const Point& a, const Point& c) { return a.y < c.y; });
  const double margin = 15 * kScale, aspect = 2.2;
  double cx = (min_x->x + max_x->x) / 2, cy = (min_y->y + max_y->y) / 2;
  double w = std::max(max_x->x - min_x->x + 2 * margin, 160 * kScale);
  double h = max_y->y - min_y->y + 2 * margin;
  if (w / h > aspect) {
    h = w / aspect;
  } else {
    w = h * aspect;
  }
  w = std::min(w, world_width);
  h = std::min(h, world_bottom - world_top);
  v.width = w;
  v.height = h;
  v.x = std::clamp(cx - w / 2, 0.0, world_width - w);
  v.y = std::clamp(cy - h / 2, world_top, world_bottom - h);
  v.unit = w / 400;
  return v;
}

void boundary_shape(std::string& out, const BoundaryResidency& b, const View& v) {
  std::vector<Point> points;
  for (const std::string& l : b.allowed_locations) {
    if (const catalog::RegionInfo* info = catalog::find_region(l)) points.push_back(project(*info));
  }
  std::vector<Point> hull = convex_hull(points);
  if (hull.empty()) return;
  std::string name = html_escape(b.name);
  if (hull.size() == 1) {
    out += fmt::format(
        "<circle class=\"boundary\" data-boundary=\"{}\" cx=\"{}\" cy=\"{}\" "
        "r=\"{}\"/>\n",
        name, num(hull[0].x), num(hull[0].y), num(4 * v.unit));
    return;
  }
  // A thick round-joined stroke pads the hull, so that two regions make a
  // band and the regions on the hull sit inside it.
  std::string pts;
  for (const Point& p : hull)
    pts += fmt::format("{}{},{}", pts.empty() ? "" : " ", num(p.x), num(p.y));
  out +=
      fmt::format("<polygon class=\"boundary\" data-boundary=\"{}\" points=\"{}\"/>\n", name, pts);
}

void catalogue_regions(std::string& out, const BoundaryResidency& b, const View& v) {
  std::set<std::string_view> allowed(b.allowed_locations.begin(), b.allowed_locations.end());
  for (const catalog::RegionInfo& r : catalog::all_regions()) {
    Point p = project(r);
    bool in = allowed.count(r.name) > 0;
    out += fmt::format(
        "<circle class=\"region{}\" data-region=\"{}\" cx=\"{}\" cy=\"{}\" r=\"{}\"><title>{} "
        "({}){}</title></circle>\n",
        in ? " allowed" : "", r.name, num(p.x), num(p.y), num((in ? 1.5 : 1) * v.unit), r.display,
        r.name, in ? ": allowed by the boundary" : "");
  }
}

void markers(std::string& out, const BoundaryResidency& b, const View& v) {
  for (const KindGroup& g : b.kinds) {
    // Each kind sits at its own angle around the region, so several kinds
    // in one location stay visible side by side.
    double angle = static_cast<int>(g.kind) * (2 * M_PI / kPlacementKinds) - M_PI / 2;
    for (const PlacedLocation& l : g.locations) {
      const catalog::RegionInfo* info = catalog::find_region(l.location);
      if (!info) continue;
      Point p = project(*info);
      p.x += 4 * v.unit * std::cos(angle);
      p.y += 4 * v.unit * std::sin(angle);
      out += fmt::format(
          "<circle class=\"placement{}\" data-kind=\"{}\" data-location=\"{}\" "
          "data-allowed=\"{}\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"><title>{}: {} ({}), "
          "{} resource{}{}</title></circle>\n",
          l.allowed ? "" : " outside", kind_key(g.kind), html_escape(l.location),
          l.allowed ? "true" : "false", num(p.x), num(p.y), num(2.4 * v.unit), kind_colour(g.kind),
          kind_title(g.kind), html_escape(l.display), html_escape(l.location), l.resources.size(),
          l.resources.size() == 1 ? "" : "s", l.allowed ? "" : ", outside the boundary");
    }
  }
}

// The name of every location the data reaches, beside its markers.
void labels(std::string& out, const BoundaryResidency& b, const View& v) {
  for (const std::string& location : b.reached) {
    const catalog::RegionInfo* info = catalog::find_region(location);
    if (!info) continue;
    Point p = project(*info);
    out +=
        fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\" font-size=\"{}\">{}</text>\n",
                    num(p.x + 7 * v.unit), num(p.y + 1.8 * v.unit), num(5 * v.unit), info->display);
  }
}

}  // namespace

std::string residency_map_svg(const BoundaryResidency& b) {
  double top = (90 - kTop) * kScale, height = (kTop - kBottom) * kScale, width = 360 * kScale;
  View v = view_of(b);
  std::string out = fmt::format(
      "<svg class=\"map\" viewBox=\"{} {} {} {}\" "
      "role=\"img\" aria-label=\"Map of the Azure regions, the boundary {} and where its "
      "data may be\">\n",
      num(v.x), num(v.y), num(v.width), num(v.height), html_escape(b.name));
  out += fmt::format("<rect class=\"sea\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n",
                     num(top), num(width), num(height));
  graticule(out);
  boundary_shape(out, b, v);
  catalogue_regions(out, b, v);
  markers(out, b, v);
  labels(out, b, v);
  out += "</svg>\n";
  return out;
}

}  // namespace topoc::report

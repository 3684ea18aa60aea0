// Diagrams of a topology: the example's Mermaid and DOT renderings match the
// goldens in tests/graph/ (rewritten with TOPOC_UPDATE_GOLDEN=1), and user
// text cannot break out of a label.
#include "compiler/emit/graph.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/check_support.h"

namespace topoc::testing {
namespace graph_test {

namespace fs = std::filesystem;

constexpr const char* kAcceptCommand = "TOPOC_UPDATE_GOLDEN=1 ctest --test-dir build -R Graph";

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

model::Topology model_of(std::string text) {
  driver::CheckResult result = check_text(std::move(text));
  EXPECT_EQ(0u, result.sink.error_count());
  return *result.models.at(0);
}

// The first line that differs, for a readable failure.
std::string first_difference(const std::string& want, const std::string& got) {
  std::istringstream a(want), b(got);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool more_a = static_cast<bool>(std::getline(a, la));
    bool more_b = static_cast<bool>(std::getline(b, lb));
    if (!more_a && !more_b) return "no line differs (line endings?)";
    if (la != lb || more_a != more_b) {
      return "line " + std::to_string(line) + ":\n  golden: " + (more_a ? la : "<end>") +
             "\n  actual: " + (more_b ? lb : "<end>");
    }
  }
}

void expect_golden(const fs::path& golden, const std::string& actual) {
  std::string want = read(golden);
  if (want == actual) return;
  if (std::getenv("TOPOC_UPDATE_GOLDEN")) {
    std::ofstream(golden, std::ios::binary) << actual;
    return;
  }
  ADD_FAILURE() << golden.string() << " differs at " << first_difference(want, actual)
                << "\nReview the change, then accept it with: " << kAcceptCommand;
}

TEST(GraphGolden, RagPlatform) {
  fs::path source = fs::path(TOPOC_SOURCE_DIR);
  model::Topology t = model_of(read(source / "examples/rag-platform.topo"));
  expect_golden(source / "tests/graph/rag-platform.mmd", emit::render_mermaid(t));
  expect_golden(source / "tests/graph/rag-platform.dot", emit::render_dot(t));
}

constexpr const char* kQuoted = R"(topology "quote" {
  boundary "eu" { geography = eu-data-boundary }
  region "eu" { location = westeurope  failover = northeurope  address = 10.2.0.0/16 }
  tenant "a\"b<c>&#d\\e" { residency = eu }
}
)";

// M017 keeps quotes out of topology names; the renderers escape them anyway.
model::Topology quoted() {
  model::Topology t = model_of(kQuoted);
  t.name = "q\"uote";
  return t;
}

TEST(Graph, MermaidEscapesLabels) {
  std::string out = emit::render_mermaid(quoted());
  EXPECT_NE(std::string::npos, out.find(R"(t0(["tenant a#quot;b#lt;c#gt;#amp;#35;d\e"]))")) << out;
  EXPECT_NE(std::string::npos, out.find("%% topology q#quot;uote\n")) << out;
}

TEST(Graph, DotEscapesLabels) {
  std::string out = emit::render_dot(quoted());
  EXPECT_NE(std::string::npos, out.find(R"(t0 [label="tenant a\"b<c>&#d\\e", shape=ellipse];)"))
      << out;
  EXPECT_NE(std::string::npos, out.find(R"(digraph "q\"uote" {)")) << out;
}

TEST(Graph, FailoverInsideTheBoundaryIsDrawnInsideIt) {
  std::string out = emit::render_mermaid(quoted());
  EXPECT_EQ(
      "%% topology q#quot;uote\n"
      "flowchart LR\n"
      "  subgraph b0[\"boundary eu<br/>eu-data-boundary\"]\n"
      "    r0[\"region eu<br/>westeurope<br/>10.2.0.0/16\"]\n"
      "    l0(\"northeurope<br/>failover location\")\n"
      "  end\n"
      "  t0([\"tenant a#quot;b#lt;c#gt;#amp;#35;d\\e\"])\n"
      "  r0 -.->|\"failover\"| l0\n"
      "  r0 -->|\"geo-pair copy: key_vault, storage_account\"| l0\n"
      "  t0 --> b0\n"
      "  classDef elsewhere stroke-dasharray: 4 4\n"
      "  class l0 elsewhere\n",
      out);
}

// Each peered pair is one edge with an arrowhead at both ends; `peering =
// none` draws none.
TEST(Graph, PeeredRegionsAreJoinedOnceBothWays) {
  const std::string text =
      "topology \"p\" {\n"
      "  boundary \"eu\" { geography = eu-data-boundary }\n"
      "  region \"weu\" { location = westeurope   address = 10.2.0.0/16 }\n"
      "  region \"neu\" { location = northeurope  address = 10.3.0.0/16 }\n"
      "}\n";
  std::string mermaid = emit::render_mermaid(model_of(text));
  EXPECT_NE(std::string::npos, mermaid.find("  r0 <-->|\"peering\"| r1\n")) << mermaid;
  EXPECT_EQ(std::string::npos, mermaid.find("r1 <-->")) << mermaid;
  std::string dot = emit::render_dot(model_of(text));
  EXPECT_NE(std::string::npos, dot.find("  r0 -> r1 [label=\"peering\", dir=both];\n")) << dot;
  std::string none = text;
  none.replace(none.find("eu-data-boundary"), 16, "eu-data-boundary  peering = none");
  EXPECT_EQ(std::string::npos, emit::render_mermaid(model_of(none)).find("peering"));
}

// A failover the boundary does not allow is drawn outside it, and a
// boundary without regions still appears (tenants and routes point at it).
TEST(Graph, FailoverOutsideTheBoundaryIsDrawnOutside) {
  driver::CheckResult result = check_text(R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  boundary "uk" { geography = united-kingdom }
  region "eu" { location = westeurope  boundary = eu  failover = uksouth  address = 10.2.0.0/16 }
}
)");
  std::string out = emit::render_dot(*result.models.at(0));
  EXPECT_EQ(
      "digraph \"t\" {\n"
      "  rankdir=LR;\n"
      "  compound=true;\n"
      "  node [shape=box];\n"
      "  subgraph cluster_b0 {\n"
      "    label=\"boundary eu\\neu-data-boundary\";\n"
      "    r0 [label=\"region eu\\nwesteurope\\n10.2.0.0/16\"];\n"
      "    c0 [label=\"northeurope\\ncopy location\", style=dashed];\n"
      "  }\n"
      "  subgraph cluster_b1 {\n"
      "    label=\"boundary uk\\nunited-kingdom\";\n"
      "    b1_empty [label=\"no regions\", shape=plaintext];\n"
      "  }\n"
      "  l0 [label=\"uksouth\\nfailover location\", style=dashed];\n"
      "  r0 -> l0 [label=\"failover\", style=dashed];\n"
      "  r0 -> c0 [label=\"geo-pair copy: key_vault, storage_account\"];\n"
      "}\n",
      out);
}

// The estate's copies are edges from the region to where they land: a copy
// location the boundary allows is drawn inside it, one it refuses outside,
// and a copy to a declared region points at that region.
TEST(Graph, DataCopiesAreDrawnWhereTheyLand) {
  driver::CheckResult result = check_text(R"(topology "c" {
  boundary "eu" { geography = eu-data-boundary  locations = [westeurope, francecentral] }
  boundary "ch" { geography = switzerland }
  region "weu" {
    location = westeurope  boundary = eu  address = 10.2.0.0/16
    services = [storage]
    storage { replication = GRS }
  }
  region "chn" {
    location = switzerlandnorth  boundary = ch  address = 10.3.0.0/16
    services = [storage]
    storage { replication = GRS }
  }
}
)");
  // The copy to North Europe leaves boundary `eu`: R004.
  ASSERT_EQ(1u, result.sink.error_count());
  std::string mermaid = emit::render_mermaid(*result.models.at(0));
  EXPECT_EQ(
      "%% topology c\n"
      "flowchart LR\n"
      "  subgraph b0[\"boundary eu<br/>eu-data-boundary<br/>only westeurope, francecentral\"]\n"
      "    r0[\"region weu<br/>westeurope<br/>10.2.0.0/16\"]\n"
      "  end\n"
      "  subgraph b1[\"boundary ch<br/>switzerland\"]\n"
      "    r1[\"region chn<br/>switzerlandnorth<br/>10.3.0.0/16\"]\n"
      "    c1(\"switzerlandwest<br/>copy location\")\n"
      "  end\n"
      "  c0(\"northeurope<br/>copy location\")\n"
      "  r0 -->|\"geo-pair copy: storage_account\"| c0\n"
      "  r1 -->|\"geo-pair copy: storage_account\"| c1\n"
      "  classDef elsewhere stroke-dasharray: 4 4\n"
      "  class c1,c0 elsewhere\n",
      mermaid);
  nlohmann::json json = nlohmann::json::parse(emit::render_graph_json(*result.models.at(0)));
  bool found_node = false;
  for (const auto& n : json["nodes"]) {
    if (n["id"] != "c0") continue;
    found_node = true;
    EXPECT_EQ("copy-location", n["kind"]);
    EXPECT_TRUE(n["group"].is_null());
  }
  EXPECT_TRUE(found_node) << json.dump(2);
  ASSERT_FALSE(json["edges"].empty());
  EXPECT_EQ("copy", json["edges"][0]["kind"]);
  EXPECT_EQ("geo-pair copy: storage_account", json["edges"][0]["label"]);
}

TEST(Graph, FrontDoorRoutesCountriesToBoundaries) {
  std::string out = emit::render_mermaid(model_of(R"(topology "t" {
  boundary "us" { geography = united-states }
  boundary "eu" { geography = eu-data-boundary }
  region "us" { location = eastus  boundary = us  address = 10.1.0.0/16 }
  region "eu" { location = westeurope  boundary = eu  address = 10.2.0.0/16 }
  tenant "acme" { residency = us  home = us }
  frontdoor {
    geo "eu" = [DE, FR]
    geo "us" = [US]
    unrouted = deny
  }
}
)"));
  EXPECT_NE(std::string::npos, out.find("  fd{{\"Front Door t\"}}\n")) << out;
  EXPECT_NE(std::string::npos, out.find("  fd -->|\"DE, FR\"| b1\n")) << out;
  EXPECT_NE(std::string::npos, out.find("  fd -->|\"US\"| b0\n")) << out;
  EXPECT_NE(std::string::npos, out.find("  t0 -->|\"home\"| r0\n")) << out;
}

constexpr const char* kServed = R"(topology "t" {
  boundary "us" { geography = united-states }
  boundary "eu" { geography = eu-data-boundary }
  region "us" { location = eastus  boundary = us  address = 10.1.0.0/16  services = [aks] }
  region "eu" { location = westeurope  boundary = eu  address = 10.2.0.0/16  services = [aks] }
  frontdoor {
    geo "eu" = [AT, BE, BG, CH, CY, CZ, DE, DK, EE, ES, FI, FR, GR, HR, HU, IE, IS, IT, LI, LT, LU, LV, MT, NL, NO, PL, PT, RO, SE, SI, SK]
  }
}
)";

TEST(Graph, UnroutedDefaultIsDashedWhenNotWritten) {
  std::string out = emit::render_mermaid(model_of(kServed));
  EXPECT_NE(std::string::npos, out.find("  fd -.->|\"unrouted (not written)\"| b0\n")) << out;
}

TEST(Graph, UnroutedBoundaryIsDrawn) {
  std::string text = kServed;
  text.replace(text.find("    geo"), 0, "    geo \"us\" = [US]\n    unrouted = eu\n");
  std::string out = emit::render_mermaid(model_of(text));
  EXPECT_NE(std::string::npos, out.find("  fd -->|\"unrouted\"| b1\n")) << out;
  std::string json = emit::render_graph_json(model_of(text), {});
  EXPECT_NE(std::string::npos, json.find(R"("kind": "unrouted")")) << json;
}

TEST(Graph, DenyIsARefusedNode) {
  std::string text = kServed;
  text.replace(text.find("    geo"), 0, "    unrouted = deny\n");
  std::string out = emit::render_mermaid(model_of(text));
  EXPECT_NE(std::string::npos, out.find("  fd_deny>\"refused by the WAF\"]\n")) << out;
  EXPECT_NE(std::string::npos, out.find("  fd -->|\"unrouted\"| fd_deny\n")) << out;
  std::string dot = emit::render_dot(model_of(text));
  EXPECT_NE(std::string::npos, dot.find("fd_deny [label=\"refused by the WAF\", shape=octagon];"))
      << dot;
}

constexpr const char* kTrafficManagers = R"(topology "t" {
  boundary "us" { geography = united-states }
  region "east" { location = eastus  address = 10.1.0.0/16  services = [aks] }
  region "west" { location = westus2  address = 10.2.0.0/16  services = [aks] }
  traffic_manager "edge" {
    endpoint "east" { region = east  priority = 1 }
    endpoint "partner" { target = "partner.example.com"  location = eastus  priority = 2  enabled = false }
    endpoint "geo" { profile = geo  location = westus2  priority = 3 }
  }
  traffic_manager "geo" {
    routing  = geographic
    unmapped = nodata
    endpoint "east" { region = east  geo = [US, CA] }
    endpoint "west" { region = west  geo = [MX] }
  }
}
)";

TEST(Graph, TrafficManagerEdgesSayWhatSelectsEachEndpoint) {
  std::string out = emit::render_mermaid(model_of(kTrafficManagers));
  EXPECT_NE(std::string::npos, out.find("  tm0[[\"Traffic Manager edge<br/>routing priority\"]]\n"))
      << out;
  EXPECT_NE(std::string::npos, out.find("  tm0 -->|\"priority 1\"| r0\n")) << out;
  // A disabled endpoint is dashed; an external one is a node of its own.
  EXPECT_NE(std::string::npos, out.find("  tm0_e1[/\"external partner.example.com\"\\]\n")) << out;
  EXPECT_NE(std::string::npos, out.find("  tm0 -.->|\"priority 2 (disabled)\"| tm0_e1\n")) << out;
  // A nested endpoint points at its child profile.
  EXPECT_NE(std::string::npos, out.find("  tm0 -->|\"priority 3\"| tm1\n")) << out;
  EXPECT_NE(std::string::npos, out.find("  tm1 -->|\"US, CA\"| r0\n")) << out;
  EXPECT_NE(std::string::npos, out.find("  tm1 -->|\"unmapped\"| tm1_nodata\n")) << out;
  std::string dot = emit::render_dot(model_of(kTrafficManagers));
  EXPECT_NE(std::string::npos,
            dot.find("tm0 [label=\"Traffic Manager edge\\nrouting priority\", shape=diamond];"))
      << dot;
  std::string json = emit::render_graph_json(model_of(kTrafficManagers), {});
  EXPECT_NE(std::string::npos, json.find(R"("kind": "traffic-manager")")) << json;
  EXPECT_NE(std::string::npos, json.find(R"("kind": "external-endpoint")")) << json;
  EXPECT_NE(std::string::npos, json.find(R"("kind": "endpoint")")) << json;
}

TEST(Graph, UnmappedEndpointOfAGeographicProfileGetsTheWorld) {
  std::string text = kTrafficManagers;
  text.replace(text.find("unmapped = nodata"), 17, "unmapped = west");
  std::string out = emit::render_mermaid(model_of(text));
  EXPECT_NE(std::string::npos, out.find("  tm1 -->|\"MX, unmapped (WORLD)\"| r1\n")) << out;
  EXPECT_EQ(std::string::npos, out.find("NODATA")) << out;
}

TEST(Graph, ManyTenantsAreCountedPerBoundary) {
  const char* text = R"(topology "t" {
  boundary "us" { geography = united-states }
  boundary "eu" { geography = eu-data-boundary }
  region "us" { location = eastus  boundary = us  address = 10.1.0.0/16 }
  region "eu" { location = westeurope  boundary = eu  address = 10.2.0.0/16 }
  tenant "a" { residency = us }
  tenant "b" { residency = eu }
  tenant "c" { residency = eu  home = eu }
}
)";
  std::string all = emit::render_mermaid(model_of(text), {.max_tenants = 3});
  EXPECT_NE(std::string::npos, all.find("tenant c")) << all;
  EXPECT_EQ(std::string::npos, all.find("tenants")) << all;

  std::string counted = emit::render_mermaid(model_of(text), {.max_tenants = 2});
  EXPECT_EQ(std::string::npos, counted.find("tenant a")) << counted;
  EXPECT_NE(std::string::npos, counted.find("  tc0([\"2 tenants\"])\n")) << counted;
  EXPECT_NE(std::string::npos, counted.find("  tc1([\"1 tenant\"])\n")) << counted;
  EXPECT_NE(std::string::npos, counted.find("  tc0 --> b1\n")) << counted;
  EXPECT_NE(std::string::npos, counted.find("  tc1 --> b0\n")) << counted;
}

}  // namespace graph_test
}  // namespace topoc::testing

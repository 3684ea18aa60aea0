// read_plain_tenant reads the common tenant without a BlockReader: the model
// and the findings must be what the reader gives, for the bodies it takes
// and for every body it hands back to the reader.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/model/build_model.h"
#include "compiler/model/reader.h"
#include "dsl/parser.h"

namespace topoc::model {
namespace {

// Listens to nothing; while set, every tenant goes through the reader.
class Deaf : public ReaderObserver {
 public:
  void asked(const dsl::Node&, std::string_view, Asked,
             std::span<const std::string_view>) override {}
};

struct Read {
  std::vector<std::string> tenants;  // name, residency, home and where each was written
  std::vector<std::string> findings;
};

Read read(const std::string& text, bool through_reader) {
  dsl::SourceFile file("t.topo", text);
  dsl::ParseResult parsed = dsl::parse(file);
  EXPECT_FALSE(parsed.error);
  Deaf deaf;
  if (through_reader) observe_readers(&deaf);
  diag::DiagnosticSink sink;
  std::optional<Topology> t = build_model(parsed.document, 0, sink);
  observe_readers(nullptr);
  Read out;
  if (t) {
    for (const Tenant& tenant : t->tenants) {
      auto sourced = [](const Sourced<std::string>& s) {
        return s.value + "@" + std::to_string(s.location.span.begin) + "-" +
               std::to_string(s.location.span.end) + (s.explicit_ ? "!" : "");
      };
      out.tenants.push_back(tenant.name + " " + sourced(tenant.residency) + " " +
                            sourced(tenant.home) + " " + std::to_string(tenant.boundary));
    }
  }
  for (const diag::Diagnostic& d : sink.diagnostics()) {
    out.findings.push_back(std::string(diag::info(d.kind).code) + " " +
                           std::to_string(d.location.span.begin) + " " + d.message);
  }
  return out;
}

TEST(PlainTenant, ReadsWhatTheReaderReads) {
  const std::string text = R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  boundary "us" { geography = united-states }
  region "weu" { location = westeurope  boundary = eu  address = 10.1.0.0/16 }
  region "eus" { location = eastus  boundary = us  address = 10.2.0.0/16 }
  tenant "plain" { residency = eu }
  tenant "homed" { home = weu  residency = "eu" }
  tenant "empty" { }
  tenant "numbered" { residency = 42 }
  tenant "listed" { residency = [eu] }
  tenant "twice" { residency = eu  residency = us }
  tenant "labelled" { residency "x" = eu }
  tenant "nested" { residency { } }
  tenant "unknown" { residence = eu }
  tenant "misplaced" { residency = us  home = weu }
}
)";
  Read fast = read(text, false);
  Read slow = read(text, true);
  EXPECT_EQ(slow.tenants, fast.tenants);
  EXPECT_EQ(slow.findings, fast.findings);
  EXPECT_EQ(10u, fast.tenants.size());
  EXPECT_FALSE(fast.findings.empty());
}

}  // namespace
}  // namespace topoc::model

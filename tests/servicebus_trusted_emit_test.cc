// A Service Bus namespace that receives blob events lets trusted Microsoft
// services through its closed public endpoint, in both backends, since Event
// Grid never delivers through a private endpoint; other namespaces do not.
#include <gtest/gtest.h>

#include "compiler/driver/check.h"
#include "compiler/emit/bicep/emit_bicep.h"
#include "compiler/emit/terraform/emit_terraform.h"

namespace topoc {
namespace servicebus_trusted_emit_test {

// Region `a` sends its blob events to its namespace; region `b` runs a
// namespace and storage without events.
constexpr const char* kTopology = R"(topology "sb" {
  boundary "eu" { geography = eu-data-boundary }
  region "a" {
    location = westeurope
    address  = 10.1.0.0/16
    services = [storage, servicebus]
    storage { events { blob_created = "uploads" } }
    servicebus { topic "uploads" { } }
  }
  region "b" {
    location = northeurope
    address  = 10.2.0.0/16
    services = [storage, servicebus]
    servicebus { topic "uploads" { } }
  }
}
)";

model::Topology model_of(const std::string& text) {
  driver::CheckResult result;
  driver::check_source(result, "test.topo", text);
  EXPECT_EQ(0u, result.sink.error_count()) << text;
  EXPECT_TRUE(!result.models.empty() && result.models[0]);
  return std::move(*result.models[0]);
}

const std::string& file(const emit::FileTree& files, std::string_view path) {
  static const std::string kNone = "<missing>";
  for (const emit::EmittedFile& f : files) {
    if (f.path == path) return f.contents;
  }
  return kNone;
}

size_t count(const std::string& haystack, std::string_view needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

TEST(ServiceBusTrustedServices, TerraformOpensOnlyTheNamespaceThatReceivesEvents) {
  emit::FileTree files = emit::emit_terraform(model_of(kTopology), {});
  const std::string& main = file(files, "environments/prod/main.tf");
  EXPECT_EQ(1u, count(main, "trusted_services_allowed = true\n")) << main;
  EXPECT_EQ(1u, count(main, "trusted_services_allowed = false\n")) << main;
  EXPECT_EQ(1u, count(main, "= each.value.servicebus.trusted_services_allowed\n")) << main;
  const std::string& module = file(files, "modules/regional/servicebus/main.tf");
  EXPECT_EQ(1u, count(module, "    for_each = var.trusted_services_allowed ? [1] : []\n"));
  EXPECT_EQ(1u, count(module, "      public_network_access_enabled = false\n"));
}

TEST(ServiceBusTrustedServices, BicepOpensOnlyTheNamespaceThatReceivesEvents) {
  emit::FileTree files = emit::emit_bicep(model_of(kTopology), {});
  const std::string& params = file(files, "bicep/prod.bicepparam");
  EXPECT_EQ(1u, count(params, "trustedServicesAllowed: true\n")) << params;
  EXPECT_EQ(1u, count(params, "trustedServicesAllowed: false\n")) << params;
  const std::string& module = file(files, "bicep/modules/servicebus.bicep");
  EXPECT_EQ(1u, count(module, "= if (settings.trustedServicesAllowed) {\n")) << module;
  EXPECT_EQ(1u, count(module, "    trustedServiceAccessEnabled: true\n"));
}

}  // namespace servicebus_trusted_emit_test
}  // namespace topoc

// API Management rules S130-S135 and F021, the block's reader, the
// instance's placements, and the subnet an injected gateway runs in.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include "compiler/emit/api_management_inbound.h"
#include "compiler/estate/estate.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// Two EU regions and one in the US; `weu` runs the instance.
driver::CheckResult check_apim(std::string_view apim, std::string_view tenants = "") {
  std::string text = fmt::format(R"(topology "t" {{
  boundary "eu" {{ geography = eu-data-boundary }}
  boundary "us" {{ geography = united-states }}
  region "weu" {{ location = westeurope  boundary = eu  services = [api_management]  address = 10.1.0.0/16
    api_management {{
{}
    }}
  }}
  region "neu" {{ location = northeurope  boundary = eu  services = [keyvault]  address = 10.2.0.0/16 }}
  region "use" {{ location = eastus  boundary = us  services = [keyvault]  address = 10.3.0.0/16 }}
{}}}
)",
                                 apim, tenants);
  driver::CheckResult result;
  driver::check_source(result, "test.topo", std::move(text), {});
  return result;
}

Lines lines_of(const driver::CheckResult& result) {
  Lines out;
  for (const diag::Diagnostic& d : result.sink.diagnostics()) {
    auto lc = result.files[d.location.file].line_col(d.location.span.begin);
    out.push_back(
        fmt::format("{} {}:{} {}", diag::info(d.kind).code, lc.line, lc.column, d.message));
  }
  return out;
}

Lines apim_diagnostics(std::string_view apim) {
  return lines_of(check_apim(apim));
}

constexpr std::string_view kPublisher =
    R"(      publisher_name  = "Contoso"
      publisher_email = "api@contoso.com")";

std::string with_publisher(std::string_view rest) {
  return fmt::format("{}\n{}", kPublisher, rest);
}

TEST(ApiManagementRules, PremiumInTwoRegionsPasses) {
  auto result = check_apim(with_publisher(R"(      sku = Premium
      capacity = 2
      zones = [1, 2]
      additional_locations = [neu])"));
  EXPECT_EQ(Lines{}, lines_of(result));
  ASSERT_TRUE(result.models.at(0));
  const model::ApiManagement& a = *result.models[0]->regions.at(0).api_management;
  EXPECT_EQ("Premium_2", a.sku_name());
  EXPECT_EQ((std::vector<std::string>{"1", "2"}), a.zones.value);
}

TEST(ApiManagementRules, DefaultsToOneDeveloperUnit) {
  auto result = check_apim(kPublisher);
  EXPECT_EQ(Lines{}, lines_of(result));
  ASSERT_TRUE(result.models.at(0));
  EXPECT_EQ("Developer_1", result.models[0]->regions.at(0).api_management->sku_name());
}

TEST(ApiManagementRules, PublisherIsRequired) {
  EXPECT_EQ((Lines{"M005 5:5 `api_management` needs `publisher_name`, which azurerm requires",
                   "M005 5:5 `api_management` needs `publisher_email`, which azurerm requires"}),
            apim_diagnostics("      sku = Basic"));
}

TEST(ApiManagementRules, AdditionalLocationsNameOtherRegionsOnce) {
  EXPECT_EQ(
      (Lines{"S130 9:31 `weu` is the API Management instance's own region; its primary location "
             "is not an additional location",
             "S130 9:36 additional location `northeurope` is not a region of the topology",
             "S130 9:54 additional location `neu` is listed twice"}),
      apim_diagnostics(
          with_publisher("      sku = Premium\n"
                         "      additional_locations = [weu, northeurope, neu, neu]")));
}

TEST(ApiManagementRules, AdditionalLocationsArePremiumOnly) {
  EXPECT_EQ((Lines{"S131 9:31 API Management in region `weu` is `Standard`; only Premium runs "
                   "its gateway in additional locations"}),
            apim_diagnostics(with_publisher("      sku = Standard\n"
                                            "      additional_locations = [neu]")));
}

TEST(ApiManagementRules, UnitsWithinTheTier) {
  EXPECT_EQ((Lines{"S132 9:18 `capacity = 3` is outside 1-2, the units API Management `Basic` "
                   "takes"}),
            apim_diagnostics(with_publisher("      sku = Basic\n      capacity = 3")));
  EXPECT_EQ((Lines{"S132 8:18 API Management `Developer` runs exactly one unit, not 2"}),
            apim_diagnostics(with_publisher("      capacity = 2")));
}

TEST(ApiManagementRules, UnitsSpreadEvenlyOverZones) {
  EXPECT_EQ((Lines{"S132 9:18 API Management in region `weu`: 4 units do not spread evenly over "
                   "3 zones"}),
            apim_diagnostics(with_publisher("      sku = Premium\n      capacity = 4\n"
                                            "      zones = [1, 2, 3]")));
}

TEST(ApiManagementRules, ZonesArePremiumOnly) {
  EXPECT_EQ((Lines{"S133 9:15 API Management `Standard` takes no availability zones; only "
                   "Premium does"}),
            apim_diagnostics(with_publisher("      sku = Standard\n      zones = [1]")));
}

TEST(ApiManagementRules, PublisherEmailShape) {
  EXPECT_EQ((Lines{"S134 7:25 publisher email `api at contoso` contains white space"}),
            apim_diagnostics(R"(      publisher_name  = "Contoso"
      publisher_email = "api at contoso")"));
  EXPECT_EQ((Lines{"S134 7:25 publisher email `api@contoso` has no domain"}),
            apim_diagnostics(R"(      publisher_name  = "Contoso"
      publisher_email = "api@contoso")"));
}

TEST(ApiManagementRules, GatewayPlacementsOutsideTheBoundaryAreReported) {
  auto result = check_apim(with_publisher("      sku = Premium\n"
                                          "      additional_locations = [use]"),
                           "  tenant \"c\" { residency = eu }\n");
  Lines lines = lines_of(result);
  ASSERT_FALSE(lines.empty());
  bool residency = false;
  for (const std::string& l : lines) {
    residency |= l.rfind("R", 0) == 0 && l.find("eastus") != std::string::npos;
  }
  EXPECT_TRUE(residency) << fmt::format("{}", fmt::join(lines, "\n"));
}

TEST(ApiManagementRules, EachAdditionalLocationIsProcessingAndCache) {
  auto result =
      check_apim(with_publisher("      sku = Premium\n"
                                "      additional_locations = [neu]"));
  ASSERT_EQ(Lines{}, lines_of(result));
  estate::Estate e = estate::build_estate(*result.models.at(0), {});
  const estate::Resource* apim = nullptr;
  for (const estate::Resource& r : e.resources) {
    if (r.azurerm_type == "azurerm_api_management") apim = &r;
  }
  ASSERT_TRUE(apim);
  Lines kinds;
  for (const estate::Placement& p : apim->placements) {
    kinds.push_back(fmt::format("{} {}", estate::to_string(p.kind), fmt::join(p.locations, ",")));
  }
  EXPECT_EQ((Lines{"primary westeurope", "processing northeurope", "cache/edge northeurope"}),
            kinds);
}

TEST(ApiManagementFrontDoor, GatewayOriginIsProcessingInItsLocation) {
  auto result = check_apim(with_publisher("      sku = Premium\n"
                                          "      additional_locations = [neu]"),
                           "  frontdoor {\n    unrouted = eu\n"
                           "    origin \"neu\" { target = api_management }\n  }\n");
  estate::Estate e = estate::build_estate(*result.models.at(0), {});
  ASSERT_EQ(1u, e.origins.size());
  EXPECT_EQ("neu", e.origins[0].region->key);
  ASSERT_TRUE(e.origins[0].gateway_owner);
  EXPECT_EQ("weu", e.origins[0].gateway_owner->key);
  const estate::Resource* origin = nullptr;
  for (const estate::Resource& r : e.resources) {
    if (r.azurerm_type == "azurerm_cdn_frontdoor_origin") origin = &r;
  }
  ASSERT_TRUE(origin);
  ASSERT_EQ(1u, origin->placements.size());
  EXPECT_EQ("processing northeurope",
            fmt::format("{} {}", estate::to_string(origin->placements[0].kind),
                        fmt::join(origin->placements[0].locations, ",")));
  EXPECT_EQ(2u, origin->placements[0].reasons.size());
}

TEST(ApiManagementNetwork, StandardCannotBeInjected) {
  EXPECT_EQ((Lines{"S135 9:25 API Management in region `weu` is `Standard`; only Developer and "
                   "Premium can be injected into a virtual network"}),
            apim_diagnostics(with_publisher("      sku = Standard\n"
                                            "      virtual_network = external")));
  EXPECT_EQ(Lines{}, apim_diagnostics(with_publisher("      sku = Developer\n"
                                                     "      virtual_network = internal")));
  EXPECT_EQ(Lines{}, apim_diagnostics(with_publisher("      sku = Standard\n"
                                                     "      virtual_network = none")));
}

TEST(ApiManagementNetwork, EachLocationsRegionGetsAnApimSubnet) {
  auto result = check_apim(with_publisher("      sku = Premium\n"
                                          "      additional_locations = [neu]\n"
                                          "      virtual_network = external"));
  ASSERT_EQ(Lines{}, lines_of(result));
  const model::Topology& t = *result.models.at(0);
  auto apim_subnet = [&](std::string_view key) -> std::string {
    for (const model::Subnet& s : t.find_region(key)->subnets) {
      if (s.name == "apim") return s.address.value.to_string() + (s.delegation.empty() ? "" : "+");
    }
    return "";
  };
  EXPECT_EQ("10.1.0.0/27", apim_subnet("weu"));  // the region has no other subnet
  EXPECT_NE("", apim_subnet("neu"));
  EXPECT_EQ("", apim_subnet("use"));
  // Without Front Door, the gateways take requests from the internet.
  auto in = emit::api_management_inbound(t, *t.find_region("neu"));
  ASSERT_TRUE(in);
  EXPECT_EQ("Internet", in->clients);
  EXPECT_FALSE(in->traffic_manager);
  EXPECT_FALSE(emit::api_management_inbound(t, *t.find_region("use")));
}

TEST(ApiManagementNetwork, CarvedSubnetGrowsWithTheUnits) {
  auto result = check_apim(with_publisher("      sku = Premium\n"
                                          "      capacity = 20\n"
                                          "      virtual_network = internal"));
  ASSERT_EQ(Lines{}, lines_of(result));
  const model::Topology& t = *result.models.at(0);
  int prefix = 0;
  for (const model::Subnet& s : t.find_region("weu")->subnets) {
    if (s.name == "apim") prefix = s.address.value.prefix;
  }
  EXPECT_EQ(26, prefix);  // 5 + 40 + 1 = 46 addresses: more than a /27's 32
}

TEST(ApiManagementNetwork, DeclaredSubnetMustHoldTheUnits) {
  std::string text = R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "weu" { location = westeurope  services = [api_management]  address = 10.1.0.0/16
    subnet "apim" { address = 10.1.200.0/29 }
    api_management {
      sku = Premium
      capacity = 2
      publisher_name  = "Contoso"
      publisher_email = "api@contoso.com"
      virtual_network = internal
    }
  }
}
)";
  driver::CheckResult declared;
  driver::check_source(declared, "test.topo", std::move(text), {});
  EXPECT_EQ((Lines{"S136 4:31 subnet `apim` of region `weu` is a /29 (8 addresses), but the API "
                   "Management gateway of region `weu` needs 10: five Azure reserves, 4 for its "
                   "2 unit(s) and one for the internal load balancer"}),
            lines_of(declared));
}

TEST(ApiManagementNetwork, FrontDoorIsTheOnlyClientOfItsGatewayOrigins) {
  auto result = check_apim(with_publisher("      sku = Premium\n"
                                          "      additional_locations = [neu]\n"
                                          "      virtual_network = external"),
                           "  frontdoor {\n    unrouted = eu\n"
                           "    origin \"neu\" { target = api_management }\n  }\n");
  const model::Topology& t = *result.models.at(0);
  auto neu = emit::api_management_inbound(t, *t.find_region("neu"));
  ASSERT_TRUE(neu);
  EXPECT_EQ("AzureFrontDoor.Backend", neu->clients);
  EXPECT_TRUE(neu->traffic_manager);
  auto weu = emit::api_management_inbound(t, *t.find_region("weu"));
  ASSERT_TRUE(weu);
  EXPECT_EQ("Internet", weu->clients);
  EXPECT_FALSE(weu->traffic_manager);
}

TEST(ApiManagementNetwork, InternalGatewayHasNoPublicClientsAndNoFrontDoor) {
  auto result = check_apim(with_publisher("      sku = Premium\n"
                                          "      virtual_network = internal"),
                           "  frontdoor {\n    unrouted = eu\n"
                           "    origin \"weu\" { target = api_management }\n  }\n");
  EXPECT_EQ((Lines{"F021 16:29 Front Door reaches origins over the internet, but the API "
                   "Management gateway in region `weu` has only a private address"}),
            lines_of(result));
  const model::Topology& t = *result.models.at(0);
  auto in = emit::api_management_inbound(t, *t.find_region("weu"));
  ASSERT_TRUE(in);
  EXPECT_EQ("", in->clients);
  EXPECT_FALSE(in->traffic_manager);
}

}  // namespace

}  // namespace topoc::testing

// A region's `api_management` block: the tier and units, the publisher
// azurerm requires, availability zones and the other regions the gateway
// runs in. What Azure refuses among these is rules S130-S134.
#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "compiler/model/build_parts.h"

namespace topoc::model {
namespace {

using diag::Kind;

constexpr Choice<ApiManagementTier> kTiers[] = {
    {"Developer", ApiManagementTier::kDeveloper}, {"Basic", ApiManagementTier::kBasic},
    {"Standard", ApiManagementTier::kStandard},   {"Premium", ApiManagementTier::kPremium},
    {"developer", ApiManagementTier::kDeveloper}, {"basic", ApiManagementTier::kBasic},
    {"standard", ApiManagementTier::kStandard},   {"premium", ApiManagementTier::kPremium},
};

constexpr Choice<ApiManagementNetwork> kNetworks[] = {
    {"none", ApiManagementNetwork::kNone},
    {"external", ApiManagementNetwork::kExternal},
    {"internal", ApiManagementNetwork::kInternal},
};

bool written(const dsl::Node& block, std::string_view key) {
  return std::any_of(block.body.begin(), block.body.end(),
                     [&](const dsl::Node& n) { return n.key == key; });
}

// A string azurerm requires; a value of the wrong kind is reported by the
// reader, an absent one here.
void require(BlockReader& r, std::string_view key, Sourced<std::string>& out,
             std::string_view example) {
  if (r.string(key, out) || written(r.node(), key)) return;
  r.context()
      .sink
      ->report(Kind::MissingAttribute, r.where(),
               fmt::format("`api_management` needs `{}`, which azurerm requires", key))
      .help = fmt::format("write `{} = {}`", key, example);
}

}  // namespace

const char* to_string(ApiManagementTier t) {
  switch (t) {
    case ApiManagementTier::kDeveloper:
      return "Developer";
    case ApiManagementTier::kBasic:
      return "Basic";
    case ApiManagementTier::kStandard:
      return "Standard";
    case ApiManagementTier::kPremium:
      return "Premium";
  }
  return "";
}

const char* to_string(ApiManagementNetwork n) {
  switch (n) {
    case ApiManagementNetwork::kNone:
      return "None";
    case ApiManagementNetwork::kExternal:
      return "External";
    case ApiManagementNetwork::kInternal:
      return "Internal";
  }
  return "";
}

std::string ApiManagement::sku_name() const {
  return fmt::format("{}_{}", to_string(tier.value), capacity.value);
}

int64_t ApiManagement::subnet_addresses() const {
  const int64_t per_unit = tier.value == ApiManagementTier::kDeveloper ? 1 : 2;
  const int64_t units = std::clamp<int64_t>(capacity.value, 1, 1000);  // S132 reports the rest
  return 5 + per_unit * units + (virtual_network.value == ApiManagementNetwork::kInternal ? 1 : 0);
}

void read_api_management(BlockReader& r, ApiManagement& out) {
  out.location = r.where();
  out.tier.value = ApiManagementTier::kDeveloper;
  out.capacity.value = 1;
  r.choice<ApiManagementTier>("sku", out.tier, kTiers);
  // The range depends on the tier: S132.
  r.integer("capacity", out.capacity, std::numeric_limits<int32_t>::min(),
            std::numeric_limits<int32_t>::max());
  require(r, "publisher_name", out.publisher_name, "\"Contoso\"");
  require(r, "publisher_email", out.publisher_email, "\"api@contoso.com\"");
  read_zones(r, out.zones);
  r.names("additional_locations", out.additional_locations);
  r.choice<ApiManagementNetwork>("virtual_network", out.virtual_network, kNetworks);
}

}  // namespace topoc::model

#include "compiler/emit/bicep/declarations.h"

#include <fmt/format.h>

#include "compiler/emit/bicep/bicep_writer.h"
#include "compiler/emit/bicep/symbols.h"

namespace topoc::emit::bicep {
namespace {

// `settings` reads the structured parameter; the symbol is the account's
// or boundary's own module or resource.
Declaration declaration(SymbolTable& symbols, std::string settings, std::string_view stem,
                        std::string_view thing) {
  return {std::move(settings), symbols.take(fmt::format("{}{}", stem, thing))};
}

Declaration element(RegionCollection c, size_t i) {
  return {fmt::format("regions[{}].{}", i, c.field),
          fmt::format("{}[{}]{}", c.symbol, i, c.optional ? "!" : "")};
}

// TOPOC_ORIGIN_HOST_EU_WEST for region "eu-west".
std::string environment_variable(std::string_view key) {
  std::string out = "TOPOC_ORIGIN_HOST_";
  bool separator = false;
  for (char c : key) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      separator = true;
      continue;
    }
    if (separator && out.back() != '_') out += '_';
    separator = false;
    out += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

}  // namespace

Declarations declare(const Plan& plan) {
  SymbolTable symbols;
  SymbolTable variables;
  Declarations d;
  for (size_t i = 0; i < plan.regions.size(); ++i) {
    RegionDeclarations out;
    out.group = element(kRegionGroups, i);
    out.network = element(kRegionNetworks, i);
    out.private_dns = element(kRegionPrivateDns, i);
    out.monitoring = element(kRegionMonitoring, i);
    out.aks = element(kRegionAks, i);
    out.search = element(kRegionSearch, i);
    out.openai = element(kRegionOpenAi, i);
    out.storage = element(kRegionStorage, i);
    out.redis = element(kRegionRedis, i);
    out.keyvault = element(kRegionKeyVaults, i);
    out.postgres = element(kRegionPostgres, i);
    out.origin_host_variable = variables.take(environment_variable(plan.regions[i].region->key));
    d.regions.push_back(std::move(out));
  }
  for (const CosmosPlan& a : plan.cosmos) {
    std::string account = member("cosmosAccounts", a.key);
    d.cosmos.push_back({declaration(symbols, account + ".group", a.stem, "DataGroup"),
                        declaration(symbols, account + ".account", a.stem, "Cosmos")});
  }
  StemTable registry_stems("registry");
  for (const RegistryPlan& r : plan.registries) {
    const std::string& name = r.registry->registry->name;
    d.registries.push_back(
        declaration(symbols, member("registries", name), registry_stems.stem(name), "Registry"));
  }
  for (const BoundaryPlan& b : plan.boundaries) {
    d.residency.push_back(
        declaration(symbols, member("residency", b.boundary->name), b.stem, "Residency"));
  }
  return d;
}

}  // namespace topoc::emit::bicep

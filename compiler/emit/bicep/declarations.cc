#include "compiler/emit/bicep/declarations.h"

#include <fmt/format.h>

#include "compiler/emit/bicep/symbols.h"

namespace topoc::emit::bicep {
namespace {

Declaration declaration(SymbolTable& symbols, std::string_view stem, std::string_view thing) {
  std::string symbol = symbols.take(fmt::format("{}{}", stem, thing));
  return {symbols.take(symbol + "Settings"), symbol};
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
  for (const RegionPlan& r : plan.regions) {
    RegionDeclarations out;
    out.group = declaration(symbols, r.stem, "Group");
    out.network = declaration(symbols, r.stem, "Network");
    out.private_dns = declaration(symbols, r.stem, "PrivateDns");
    out.monitoring = declaration(symbols, r.stem, "Monitoring");
    out.aks = declaration(symbols, r.stem, "Aks");
    out.search = declaration(symbols, r.stem, "Search");
    out.openai = declaration(symbols, r.stem, "OpenAi");
    out.storage = declaration(symbols, r.stem, "Storage");
    out.redis = declaration(symbols, r.stem, "Redis");
    out.keyvault = declaration(symbols, r.stem, "KeyVault");
    out.origin_host_variable = variables.take(environment_variable(r.region->key));
    d.regions.push_back(std::move(out));
  }
  for (const CosmosPlan& a : plan.cosmos) {
    d.cosmos.push_back({declaration(symbols, a.stem, "DataGroup"), declaration(symbols, a.stem, "Cosmos")});
  }
  for (const BoundaryPlan& b : plan.boundaries) {
    d.residency.push_back(declaration(symbols, b.stem, "Residency"));
  }
  return d;
}

}  // namespace topoc::emit::bicep

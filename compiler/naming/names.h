// Every Azure resource name a topology's build creates, computed in one
// place: the naming rules check them, and the emitters and the manifest use
// them, so a name that passed `topoc check` is the name that gets deployed.
// The scheme is documented in docs/naming.md.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/model/topology.h"
#include "compiler/naming/naming_rules.h"

namespace topoc::naming {

struct GeneratedName {
  // The azurerm type (naming_rules.h), e.g. azurerm_storage_account: a
  // literal of the generator, so a view that outlives every topology.
  std::string_view resource_type;
  std::string key;            // stable id, e.g. "region.eu.storage"
  std::string name;
  // Where the name must be unique: "global", "subscription", a resource group
  // name, or a parent's path inside its resource group ("rg-x/vnet-x").
  std::string scope;
  diag::Location source;    // the DSL element to change: a label, the `prefix`...
  // That element (or the elements) in words, "the topology `prefix`", for a
  // name that breaks its type's rule (naming_rules.h); empty for the others.
  std::string source_hint;
  // The rule the name breaks; null for a name that keeps its type's rule
  // (or whose type has none). X001 words only these.
  const NamingRule* broken = nullptr;
};

// In a fixed order: global resources, then per region, per Cosmos DB
// account, Front Door, alerts. Names are lowercase except those the author
// wrote whole (node pools, Cosmos DB databases, containers and procedures),
// which are kept as written.
std::vector<GeneratedName> generate_names(const model::Topology& topology);

// The name generated under `key`, or null.
const GeneratedName* find_name(std::span<const GeneratedName> names, std::string_view key);

// A 24-character-or-shorter form of `head + middle + tail` for the global
// names with tight limits (storage accounts, key vaults): when the whole is
// too long, `middle` is cut and followed by `separator` and four hex digits
// of a hash of the whole, so two long names that share a beginning still
// differ. Returns the whole unchanged if even the cut form cannot fit.
std::string fit_name(std::string_view head, std::string_view middle, std::string_view tail,
                     size_t max_length, std::string_view separator);

}  // namespace topoc::naming

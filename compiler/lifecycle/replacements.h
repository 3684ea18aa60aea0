// What a build would destroy. `topoc build` compares the manifest it is about
// to write with the one the previous build left in the output directory and
// warns, before anything is applied, when a stateful resource (the types
// docs/lifecycle.md lists) would be renamed or removed (L002), moved to
// another location (L003), or changed in a property Azure sets only by
// replacing the resource (L004). Also warns
// when the topology does not say whether its globally unique names carry a
// suffix (X004). docs/lifecycle.md describes each.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "compiler/diag/diagnostic.h"
#include "compiler/model/topology.h"

namespace topoc::lifecycle {

// Whether the manifest entry type holds data a replacement would lose.
bool is_stateful(std::string_view azurerm_type);

// Whether azurerm replaces a resource of this stateful type to change its
// `location` (databases and containers have none of their own).
bool replaced_when_relocated(std::string_view azurerm_type);

// A change of attributes that azurerm can make to a stateful resource only by
// replacing it. `before` and `after` are the resource's azurerm attributes
// (the manifest's `attributes`, the estate's `properties`). `topoc build`'s
// L004 and `topoc diff` both decide with this.
enum class ForcedReplacement {
  kNone,
  kReplicationFamily,  // storage: between zone-redundant and other kinds
  kPartitionKey,       // Cosmos DB container: partition_key_paths
  kBackupToPeriodic,   // Cosmos DB account: continuous to periodic backup
};
ForcedReplacement forced_replacement(std::string_view azurerm_type, const nlohmann::json& before,
                                     const nlohmann::json& after);

// Reports the L002-L004 warnings of going from `previous_manifest` (the text
// of the last build's topoc.manifest.json) to `current_manifest`. A previous
// manifest that cannot be read, or that describes another topology or
// environment, is not compared: nothing is reported.
void report_replacements(const model::Topology& topology, std::string_view previous_manifest,
                         std::string_view current_manifest, diag::DiagnosticSink& sink);

// X004, for a topology without a `naming` block.
void report_suffix_not_chosen(const model::Topology& topology, diag::DiagnosticSink& sink);

}  // namespace topoc::lifecycle

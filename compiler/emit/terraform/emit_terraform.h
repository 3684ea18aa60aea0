// The Terraform backend: the environment root, the module library the
// topology uses, Azure Policy definitions and the desired-state manifest.
#pragma once

#include <string>
#include <string_view>

#include "compiler/emit/emitted_file.h"
#include "compiler/model/topology.h"

namespace topoc::estate {
struct Estate;
}

namespace topoc::emit {

struct TerraformOptions {
  std::string environment;  // overrides the topology's `environment` when not empty
};

// Renders an estate built from a model that checked without errors;
// `early`, if given, is handed the module library and the manifest as soon
// as each is final.
FileTree emit_terraform(const estate::Estate& estate, FileSink* early = nullptr);
// Builds the estate for `options.environment` and renders it.
FileTree emit_terraform(const model::Topology& topology, const TerraformOptions& options);

// Where emit_terraform puts an environment's manifest:
// environments/<environment>/topoc.manifest.json.
std::string terraform_manifest_path(std::string_view environment);

// Only the tree's topoc.manifest.json, as emit_terraform writes it, without
// rendering the rest (what `topoc drift` needs from a topology).
std::string emit_terraform_manifest(const estate::Estate& estate);
std::string emit_terraform_manifest(const model::Topology& topology,
                                    const TerraformOptions& options);

}  // namespace topoc::emit

// The Bicep backend: a subscription-scope main.bicep with the estate's
// resource groups and module calls, <environment>.bicepparam with the topology's
// values, and the module library the topology uses. It deploys the same
// Azure resources, under the same names, as the Terraform backend.
#pragma once

#include <string>

#include "compiler/emit/emitted_file.h"
#include "compiler/model/topology.h"

namespace topoc::estate {
struct Estate;
}

namespace topoc::emit {

struct BicepOptions {
  std::string environment;  // overrides the topology's `environment` when not empty
};

// Renders an estate built from a model that checked without errors. Paths
// start with `bicep/`.
FileTree emit_bicep(const estate::Estate& estate);
// Builds the estate for `options.environment` and renders it.
FileTree emit_bicep(const model::Topology& topology, const BicepOptions& options);

}  // namespace topoc::emit

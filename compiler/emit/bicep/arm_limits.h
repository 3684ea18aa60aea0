// ARM's limits on one deployment template, checked before a Bicep tree is
// written, so topoc never writes a tree that cannot deploy. Source:
// Microsoft Learn, "ARM template best practices", section "Template limits"
// (https://learn.microsoft.com/azure/azure-resource-manager/template-best-practices):
// 800 resources, copy-loop iterations included; a parameter file of at most
// 4 MB. main.bicep passes its values as a few structured parameters, so the
// 256-parameter limit does not grow with the topology and needs no check.
#pragma once

#include <cstddef>

#include "compiler/diag/diagnostic.h"
#include "compiler/emit/bicep/emit_bicep.h"
#include "compiler/emit/emitted_file.h"
#include "compiler/model/topology.h"

namespace topoc::emit::bicep {

inline constexpr size_t kMaxTemplateResources = 800;
inline constexpr size_t kMaxParameterFileBytes = 4u << 20;  // 4 MB

// X006 when main.bicep would deploy more than 800 resources and module
// deployments, X007 when <environment>.bicepparam in `tree` (the Bicep tree
// emit_bicep made of `estate`) is over 4 MB, X008 for each locked container
// retention policy, which a template cannot lock.
void report_arm_limits(const estate::Estate& estate, const FileTree& tree,
                       diag::DiagnosticSink& sink);
// The same for the estate of `topology` in `options.environment`.
void report_arm_limits(const model::Topology& topology, const BicepOptions& options,
                       const FileTree& tree, diag::DiagnosticSink& sink);

}  // namespace topoc::emit::bicep

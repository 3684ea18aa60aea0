// Per-environment values: `environment "staging" { ... }` blocks in the
// topology override its values for one environment, mirroring the
// topology's own structure. The overrides are merged onto the syntax tree
// before the model is built, so every rule judges the environment's
// effective topology.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "dsl/syntax_tree.h"

namespace topoc::model {

struct Environment {
  std::string name;
  diag::Location label;
  const dsl::Node* block = nullptr;
};

struct Environments {
  std::string base;                   // the topology's own `environment` (`prod` unless written)
  diag::Location topology;            // its name, where M018 points
  std::vector<Environment> declared;  // the `environment "name" { ... }` blocks, valid and distinct
};

// The environments a document declares. Reports a duplicate or one named
// like the base (M021), and a name unfit for a path (M017).
Environments declared_environments(const dsl::Document& document, uint32_t file,
                                   diag::DiagnosticSink& sink);

// The document as environment `env` sees it: its overrides merged onto the
// topology, and no `environment` blocks left. Without `env`, the base alone.
// Reports an override of a block the topology does not declare (M019) and
// of what may not vary between environments (M020).
// Whether the topology block holds `environment "name" { ... }` blocks. Without
// them and without an environment chosen, the document is its own effective
// topology and needs no merged copy.
bool has_environment_blocks(const dsl::Document& document);

dsl::Document effective_document(const dsl::Document& document, const Environment* env,
                                 uint32_t file, diag::DiagnosticSink& sink);

}  // namespace topoc::model

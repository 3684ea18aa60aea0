// Validation rules over the typed model. Each rule lives in its own file,
// reads the model only, and reports every violation it finds.
#pragma once

#include <span>
#include <string_view>

#include "compiler/diag/diagnostic.h"
#include "compiler/model/topology.h"

namespace topoc::rules {

using RuleFn = void (*)(const model::Topology&, diag::DiagnosticSink&);

struct Rule {
  std::string_view name;
  RuleFn run;
};

// Declarations of every rule function, from rule_list.def.
#define TOPOC_RULE(name) void name(const model::Topology&, diag::DiagnosticSink&);
#include "compiler/rules/rule_list.def"
#undef TOPOC_RULE

std::span<const Rule> all_rules();
void run_all(const model::Topology& topology, diag::DiagnosticSink& sink);

}  // namespace topoc::rules

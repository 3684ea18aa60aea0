// Validation rules over the typed model. Each rule lives in its own file,
// reads the model only, and reports every violation it finds.
#pragma once

#include <span>
#include <string_view>

#include "compiler/diag/diagnostic.h"
#include "compiler/estate/estate.h"
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

// The rules over the estate the topology deploys (X001 and X002 on its
// names, the residency engine on its placements), on the estate `options`
// asks for, which is returned for a caller that goes on to render it.
// `names_and_placements` is this with a placements-only estate, dropped.
estate::Estate check_estate(const model::Topology& topology, const estate::EstateOptions& options,
                            diag::DiagnosticSink& sink);

// Every rule, with `topoc build`'s whole estate built once: the same
// findings as `run_all`, and the estate to render.
estate::Estate run_all_keeping_estate(const model::Topology& topology,
                                      const estate::EstateOptions& options,
                                      diag::DiagnosticSink& sink);

}  // namespace topoc::rules

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

constexpr Rule kRules[] = {
#define TOPOC_RULE(name) {#name, &name},
#include "compiler/rules/rule_list.def"
#undef TOPOC_RULE
    {"", nullptr},  // keeps the array non-empty while the list is
};

}  // namespace

std::span<const Rule> all_rules() { return {kRules, std::size(kRules) - 1}; }

void run_all(const model::Topology& topology, diag::DiagnosticSink& sink) {
  for (const Rule& rule : all_rules()) rule.run(topology, sink);
}

estate::Estate run_all_keeping_estate(const model::Topology& topology,
                                      const estate::EstateOptions& options,
                                      diag::DiagnosticSink& sink) {
  // In run_all's order: names_and_placements comes first in rule_list.def.
  estate::Estate estate = check_estate(topology, options, sink);
  for (const Rule& rule : all_rules()) {
    if (rule.run != &names_and_placements) rule.run(topology, sink);
  }
  return estate;
}

}  // namespace topoc::rules

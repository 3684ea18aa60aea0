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

}  // namespace topoc::rules

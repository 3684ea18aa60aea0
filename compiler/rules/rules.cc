#include "compiler/rules/rules.h"

#include <memory>
#include <optional>
#include <system_error>
#include <vector>

#include "compiler/estate/estate.h"
#include "compiler/residency/engine.h"
#include "compiler/rules/generated_names.h"
#include "compiler/threads/beside.h"

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
  // check_estate's steps, with X001 and X002 and the rules on the model alone
  // on a second thread while the estate is planned: they only read the model
  // and the names. Their findings join the sink in run_all's order
  // (names_and_placements comes first in rule_list.def): the names', the
  // placements', then the other rules'.
  estate::ResourceNames names(naming::generate_names(topology));
  diag::DiagnosticSink name_findings, rule_findings;
  auto others = [&, held = names.shared()] {
    report_invalid_names(*held, name_findings);
    report_duplicate_names(*held, name_findings);
    for (const Rule& rule : all_rules()) {
      if (rule.run != &names_and_placements) rule.run(topology, rule_findings);
    }
  };
  // Destroyed before the sinks: a thread whose result was not taken (an
  // exception on this one) is waited for first.
  std::optional<threads::Beside<void>> beside;
  try {
    beside.emplace(others);
  } catch (const std::system_error&) {
    others();  // no thread to be had (a process or memory limit): here, first
  }
  estate::Estate estate = estate::build_estate(topology, options, std::move(names));
  if (beside) beside->get();
  sink.append(std::move(name_findings));
  residency::check_placements(estate, sink);
  sink.append(std::move(rule_findings));
  return estate;
}

}  // namespace topoc::rules

// X001 and X002 over one generation of the names the build will create.
#include "compiler/rules/generated_names.h"

#include "compiler/rules/rules.h"

namespace topoc::rules {

void generated_names(const model::Topology& t, diag::DiagnosticSink& sink) {
  const std::vector<naming::GeneratedName> names = naming::generate_names(t);
  report_invalid_names(names, sink);
  report_duplicate_names(names, sink);
}

}  // namespace topoc::rules

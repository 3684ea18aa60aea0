// The names the build will create, generated once and checked twice: each
// against its resource type's naming rules (X001) and against the others
// for collisions (X002).
#pragma once

#include <span>

#include "compiler/diag/diagnostic.h"
#include "compiler/naming/names.h"

namespace topoc::rules {

void report_invalid_names(std::span<const naming::GeneratedName> names, diag::DiagnosticSink& sink);
void report_duplicate_names(std::span<const naming::GeneratedName> names,
                            diag::DiagnosticSink& sink);

}  // namespace topoc::rules

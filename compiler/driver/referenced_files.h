// Files a topology names besides itself (an Automation runbook's script),
// read once the model is built so that every later stage, and `topoc
// check`, sees their text or a finding that says why there is none.
#pragma once

#include <cstddef>
#include <string>

#include "compiler/diag/diagnostic.h"
#include "compiler/model/topology.h"

namespace topoc::driver {

// A runbook script's bound: the most Bicep's loadTextContent reads (BCP184
// above it), so a script stays one a template could embed, and a wrong
// `file` (a data file, an archive) is caught before anything is uploaded.
inline constexpr size_t kMaxRunbookBytes = 131072;

// Reads every runbook's `file`, relative to `dir` ("" = the working
// directory), into its `content`; reports S110 at the `file` value when a
// file is missing, unreadable, empty, too large or not UTF-8.
void read_referenced_files(model::Topology& t, const std::string& dir, diag::DiagnosticSink& sink);

}  // namespace topoc::driver

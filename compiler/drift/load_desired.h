// The desired state from either input `topoc drift` accepts: a topology
// (checked, then emitted in memory to take its manifest) or a manifest kept
// from a build. Which one is decided by content, not by file name.
#pragma once

#include <optional>
#include <string>

#include "compiler/drift/desired_state.h"
#include "compiler/driver/check.h"

namespace topoc::drift {

struct DesiredLoad {
  std::optional<DesiredState> state;
  std::optional<ReadError> error;            // the file cannot be read or is a broken manifest
  std::optional<driver::CheckResult> check;  // a topology with errors: its diagnostics
};

// `environment` overrides the topology's own, as `topoc build --env` does.
DesiredLoad load_desired(const std::string& path, const std::string& environment = "");

}  // namespace topoc::drift

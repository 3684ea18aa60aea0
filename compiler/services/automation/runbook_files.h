// Where a runbook's script goes in the emitted trees: both the Terraform
// root and the Bicep deployment keep a copy beside the file that reads it,
// so each tree deploys without the topology's own directory.
#pragma once

#include <string>

#include "compiler/model/topology.h"

namespace topoc::services::automation {

// "runbooks/<region>/<runbook><ext>", relative to the reading file. Region
// keys and runbook names are checked before anything is emitted (M-codes,
// S111); any character outside letters, digits, `-` and `_` becomes `_`
// all the same, so no user text reaches a path or an expression unchecked.
std::string runbook_file(const model::Region& r, const model::Runbook& rb);

}  // namespace topoc::services::automation

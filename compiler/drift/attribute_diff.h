// The compared attributes of one desired resource and its deployed
// counterpart, as a list of changes (empty when they agree).
#pragma once

#include <vector>

#include "compiler/drift/deployed_state.h"
#include "compiler/drift/desired_state.h"
#include "compiler/drift/findings.h"

namespace topoc::drift {

// Only what both sides state is compared: an attribute the manifest leaves
// null, or that an input cannot see (a Resource Graph export knows no Front
// Door origin weights), is not drift.
std::vector<AttributeChange> diff_attributes(const DesiredResource& desired,
                                             const DeployedResource& deployed);

}  // namespace topoc::drift

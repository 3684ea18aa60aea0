// What an activity-log alert watches, in words: the description both
// renderings give it.
#pragma once

#include <string>

#include "compiler/estate/estate.h"

namespace topoc::services::alerts {

std::string activity_description(const estate::ActivityAlertInstance& a);

}  // namespace topoc::services::alerts

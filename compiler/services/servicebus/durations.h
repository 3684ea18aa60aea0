// Service Bus takes durations (time to live, idle deletion, the duplicate
// detection window) as ISO 8601 time spans in both azurerm and ARM.
#pragma once

#include <cstdint>
#include <string>

namespace topoc::services::servicebus {

// `seconds` as an ISO 8601 duration with days, hours, minutes and seconds:
// 3600 -> "PT1H", 1209600 -> "P14D", 90061 -> "P1DT1H1M1S".
std::string iso8601_duration(int64_t seconds);

}  // namespace topoc::services::servicebus

#include "compiler/services/servicebus/durations.h"

#include <fmt/format.h>

namespace topoc::services::servicebus {

std::string iso8601_duration(int64_t seconds) {
  const int64_t days = seconds / 86400;
  const int64_t hours = seconds % 86400 / 3600;
  const int64_t minutes = seconds % 3600 / 60;
  const int64_t rest = seconds % 60;
  std::string out = "P";
  if (days > 0) out += fmt::format("{}D", days);
  if (hours == 0 && minutes == 0 && rest == 0) return days > 0 ? out : "PT0S";
  out += "T";
  if (hours > 0) out += fmt::format("{}H", hours);
  if (minutes > 0) out += fmt::format("{}M", minutes);
  if (rest > 0) out += fmt::format("{}S", rest);
  return out;
}

}  // namespace topoc::services::servicebus

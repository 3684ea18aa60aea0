#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace topoc::format {
std::optional<std::string> format_source(std::string_view text);
}

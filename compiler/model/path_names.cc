// M017: the topology name and the environment become paths and keys of the
// build (environments/<environment>/, the Terraform backend key
// <topology>/<environment>.tfstate, the README): `../other-team/prod` must
// not reach any of them.
#include "compiler/model/path_names.h"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/model/build_parts.h"
#include "compiler/text/ascii.h"

namespace topoc::model {
namespace {

bool is_digit_or_lower(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
}

// Letters, digits, `-` and `_`, 1 to 63 of them, starting with a letter or
// digit: a single path segment, a blob name part and a tag value all at once.
// Written out rather than as a std::regex, whose compilation every run of
// topoc paid at start-up.
bool valid_topology_name(std::string_view name) {
  auto letter_or_digit = [](char c) { return is_digit_or_lower(lower(c)); };
  return !name.empty() && name.size() <= 63 && letter_or_digit(name.front()) &&
         std::all_of(name.begin(), name.end(),
                     [&](char c) { return letter_or_digit(c) || c == '-' || c == '_'; });
}

}  // namespace

// What `environment` and `--env` may be: 1 to 16 lowercase letters, digits
// or `-`, starting with a letter or digit.
bool valid_environment_name(std::string_view name) {
  return !name.empty() && name.size() <= 16 && is_digit_or_lower(name.front()) &&
         std::all_of(name.begin(), name.end(),
                     [](char c) { return is_digit_or_lower(c) || c == '-'; });
}

void check_path_names(const ReadContext& ctx, Topology& t, bool named) {
  if (named && !valid_topology_name(t.name)) {
    ctx.sink->report(diag::Kind::InvalidPathName, t.location,
                     fmt::format("topology name `{}` cannot name the Terraform state and output "
                                 "folders; use 1 to 63 letters, digits, `-` or `_`, starting "
                                 "with a letter or digit",
                                 t.name));
  }
  if (t.environment.explicit_ && !valid_environment_name(t.environment.value)) {
    ctx.sink->report(diag::Kind::InvalidPathName, t.environment.location,
                     fmt::format("environment `{}` cannot name an output folder and state key; "
                                 "use 1 to 16 lowercase letters, digits or `-`, starting with a "
                                 "letter or digit",
                                 t.environment.value));
    // Every generated name holds the environment: go on with the default so
    // that X001 does not report each of them again.
    t.environment.value = "prod";
  }
}

}  // namespace topoc::model

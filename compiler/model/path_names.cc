// M017: the topology name and the environment become paths and keys of the
// build (environments/<environment>/, the Terraform backend key
// <topology>/<environment>.tfstate, the README): `../other-team/prod` must
// not reach any of them.
#include "compiler/model/path_names.h"

#include <fmt/format.h>

#include <regex>

#include "compiler/model/build_parts.h"

namespace topoc::model {
namespace {

// What `environment` and `--env` may be.
const std::regex kEnvironmentName("[a-z0-9][a-z0-9-]{0,15}");
// Letters, digits, `-` and `_`: a single path segment, a blob name part and
// a tag value all at once.
const std::regex kTopologyName("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");

}  // namespace

bool valid_environment_name(std::string_view name) {
  return std::regex_match(name.begin(), name.end(), kEnvironmentName);
}

void check_path_names(const ReadContext& ctx, Topology& t, bool named) {
  if (named && !std::regex_match(t.name, kTopologyName)) {
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

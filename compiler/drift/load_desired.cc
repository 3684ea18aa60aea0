#include "compiler/drift/load_desired.h"

#include <fmt/format.h>

#include <fstream>

#include "compiler/emit/terraform/emit_terraform.h"

namespace topoc::drift {

namespace {

void take(std::variant<DesiredState, ReadError> parsed, DesiredLoad& load) {
  if (auto* error = std::get_if<ReadError>(&parsed)) {
    load.error = std::move(*error);
  } else {
    load.state = std::move(std::get<DesiredState>(parsed));
  }
}

// The first bytes, enough to tell a manifest from a topology.
std::string head_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

}  // namespace

DesiredLoad load_desired(const std::string& path, const std::string& environment) {
  DesiredLoad load;
  if (looks_like_manifest(head_of(path))) {
    take(read_desired_state_file(path), load);
    // A manifest was built for one environment: comparing it as another
    // would report every name and tag as drift, so say so instead.
    if (load.state && !environment.empty() && environment != load.state->environment) {
      load.error = ReadError{path, "`/environment`",
                             fmt::format("is the manifest of environment `{}`, not `{}`; build the "
                                         "topology with `--env {}`, or pass the topology itself",
                                         load.state->environment, environment, environment)};
      load.state.reset();
    }
    return load;
  }
  driver::CheckResult check = driver::check_files({path});
  if (!check.input_errors.empty()) {
    load.error = ReadError{path, "", "cannot be read: " + check.input_errors.front().message};
    return load;
  }
  if (check.sink.error_count() > 0 || check.models.empty() || !check.models.front()) {
    load.check = std::move(check);
    return load;
  }
  take(parse_desired_state(path, emit::emit_terraform_manifest(*check.models.front(), {environment})),
       load);
  return load;
}

}  // namespace topoc::drift

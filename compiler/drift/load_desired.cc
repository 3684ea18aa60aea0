#include "compiler/drift/load_desired.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "compiler/drift/heap.h"
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

// Standard input, a FIFO or /dev/stdin can be read only once: looking at its
// first bytes would take them away from the parse that follows.
bool read_once(const std::string& path) {
  if (path == driver::kStdinPath) return true;
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  return !ec && !std::filesystem::is_regular_file(status) && !std::filesystem::is_directory(status);
}

std::optional<std::string> read_whole(const std::string& path, std::string& text) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != driver::kStdinPath) {
    file.open(path, std::ios::binary);
    if (!file) return std::string("cannot be opened");
    in = &file;
  }
  char buffer[1 << 16];
  while (in->read(buffer, sizeof buffer) || in->gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in->gcount()));
    if (text.size() > kMaxStateBytes) {
      return fmt::format("is larger than {} MiB", kMaxStateBytes >> 20);
    }
  }
  if (in->bad()) return std::string("read error");
  return std::nullopt;
}

// A manifest was built for one environment: comparing it as another would
// report every name and tag as drift, so say so instead.
void check_environment(const std::string& path, const std::string& environment, DesiredLoad& load) {
  if (load.state && !environment.empty() && environment != load.state->environment) {
    load.error = ReadError{path, "`/environment`",
                           fmt::format("is the manifest of environment `{}`, not `{}`; build the "
                                       "topology with `--env {}`, or pass the topology itself",
                                       load.state->environment, environment, environment)};
    load.state.reset();
  }
}

void take_topology(driver::CheckResult check, const std::string& path,
                   const std::string& environment, DesiredLoad& load) {
  if (!check.input_errors.empty()) {
    load.error = ReadError{path, "", "cannot be read: " + check.input_errors.front().message};
    return;
  }
  if (check.sink.error_count() > 0 || check.models.empty() || !check.models.front()) {
    load.check = std::move(check);
    return;
  }
  take(parse_desired_state(path,
                           emit::emit_terraform_manifest(*check.models.front(), {environment})),
       load);
}

}  // namespace

DesiredLoad load_desired(const std::string& path, const std::string& environment) {
  DesiredLoad load;
  keep_large_blocks_apart();
  if (read_once(path)) {
    std::string shown = driver::display_path(path);
    std::string text;
    if (auto error = read_whole(path, text)) {
      load.error = ReadError{shown, "", *error};
      return load;
    }
    if (looks_like_manifest(text)) {
      take(parse_desired_state(shown, text), load);
      check_environment(shown, environment, load);
      return load;
    }
    driver::CheckResult check;
    if (text.size() > driver::kMaxInputBytes) {
      check.input_errors.push_back(
          {shown, fmt::format("is larger than {} MiB; a topology file is expected to be small",
                              driver::kMaxInputBytes >> 20)});
    } else {
      driver::check_source(check, shown, std::move(text), {environment, false});
      check.sink.sort();
    }
    take_topology(std::move(check), shown, environment, load);
    return load;
  }
  if (looks_like_manifest(head_of(path))) {
    take(read_desired_state_file(path), load);
    check_environment(path, environment, load);
    return load;
  }
  take_topology(driver::check_files({path}, {environment, false}), path, environment, load);
  return load;
}

}  // namespace topoc::drift

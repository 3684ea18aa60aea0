// Helpers shared by the drift tests: fixture paths, reading inputs, finding
// a deployed resource, and running from the source tree so that paths in
// messages and goldens are relative.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "compiler/drift/deployed_state.h"
#include "compiler/drift/desired_state.h"

namespace topoc::drift::testing {

inline std::filesystem::path source_dir() {
  return std::filesystem::path(TOPOC_SOURCE_DIR);
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Changes to the source tree for the life of the guard.
class InSourceDir {
 public:
  InSourceDir() : saved_(std::filesystem::current_path()) {
    std::filesystem::current_path(source_dir());
  }
  ~InSourceDir() { std::filesystem::current_path(saved_); }

 private:
  std::filesystem::path saved_;
};

inline constexpr const char* kManifest = "tests/drift/fixtures/rag-platform.manifest.json";

inline DesiredState rag_manifest() {
  auto parsed = parse_desired_state(kManifest, read_text(source_dir() / kManifest));
  if (auto* e = std::get_if<ReadError>(&parsed)) ADD_FAILURE() << to_string(*e);
  return std::get<DesiredState>(std::move(parsed));
}

// Reads a fixture by its path relative to the source tree.
inline DeployedState read_fixture(const std::string& relative,
                                  StateFormat format = StateFormat::kAuto) {
  DeployedState state;
  std::string text = read_text(source_dir() / relative);
  if (auto e = read_state_text(relative, text, format, state)) ADD_FAILURE() << to_string(*e);
  return state;
}

inline const DeployedResource* find_deployed(const DeployedState& state, std::string_view address,
                                             bool deposed = false) {
  for (const DeployedResource& r : state.resources) {
    if (r.address == address && r.deposed_key.empty() != deposed) return &r;
  }
  return nullptr;
}

inline const DeployedResource* find_by_id_suffix(const DeployedState& state,
                                                 std::string_view suffix) {
  for (const DeployedResource& r : state.resources) {
    if (r.id.size() >= suffix.size() && r.id.substr(r.id.size() - suffix.size()) == suffix)
      return &r;
  }
  return nullptr;
}

}  // namespace topoc::drift::testing

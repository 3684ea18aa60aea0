#include "compiler/services/automation/runbook_files.h"

#include <cctype>

namespace topoc::services::automation {
namespace {

std::string path_safe(std::string_view text) {
  std::string out;
  for (char c : text) {
    bool keep = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    out += keep ? c : '_';
  }
  return out.empty() ? "_" : out;
}

}  // namespace

std::string runbook_file(const model::Region& r, const model::Runbook& rb) {
  return "runbooks/" + path_safe(r.key) + "/" + path_safe(rb.name) +
         model::file_extension(rb.type.value);
}

}  // namespace topoc::services::automation

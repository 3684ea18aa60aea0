// textDocument/publishDiagnostics: the diagnostics of `topoc check`, with
// their notes as related information.
#include "compiler/lsp/features.h"

namespace topoc::lsp {
namespace {

int severity(diag::Severity s) {
  switch (s) {
    case diag::Severity::kError:
      return 1;
    case diag::Severity::kWarning:
      return 2;
    case diag::Severity::kNote:
      return 3;
  }
  return 1;
}

}  // namespace

nlohmann::json diagnostics_params(const Analysis& a, const std::string& uri,
                                  std::optional<int64_t> version) {
  nlohmann::json list = nlohmann::json::array();
  for (const diag::Diagnostic& d : a.check.sink.diagnostics()) {
    nlohmann::json item = {
        {"range", a.range(d.location.span)},
        {"severity", severity(d.severity)},
        {"code", std::string(diag::info(d.kind).code)},
        {"source", "topoc"},
        {"message", d.help.empty() ? d.message : d.message + "\nhelp: " + d.help},
    };
    if (d.fixit) {
      item["message"] =
          item["message"].get<std::string>() +
          (d.fixit->replacement.empty() ? "\nfix: remove this"
                                        : "\nfix: replace with `" + d.fixit->replacement + "`");
    }
    if (!d.notes.empty()) {
      nlohmann::json related = nlohmann::json::array();
      for (const diag::Note& n : d.notes) {
        related.push_back({{"location", {{"uri", uri}, {"range", a.range(n.location.span)}}},
                           {"message", n.message}});
      }
      item["relatedInformation"] = std::move(related);
    }
    list.push_back(std::move(item));
  }
  nlohmann::json params = {{"uri", uri}, {"diagnostics", std::move(list)}};
  if (version) params["version"] = *version;
  return params;
}

}  // namespace topoc::lsp

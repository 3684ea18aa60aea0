// The language features, each a function of one checked document version:
// they return the `result` of the request as JSON (null where the protocol
// allows "nothing here").
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "compiler/lsp/document_store.h"

namespace topoc::lsp {

// The `params` of `textDocument/publishDiagnostics`: `topoc check`'s diagnostics.
nlohmann::json diagnostics_params(const Analysis& a, const std::string& uri,
                                  std::optional<int64_t> version);
nlohmann::json hover(const Analysis& a, Position at);
nlohmann::json definition(const Analysis& a, const std::string& uri, Position at);
nlohmann::json references(const Analysis& a, const std::string& uri, Position at,
                          bool include_declaration);
nlohmann::json completion(const Analysis& a, Position at);
// Edits that turn the text into `topoc fmt`'s layout: none when it already is
// or when it does not parse.
nlohmann::json formatting(const Analysis& a);

}  // namespace topoc::lsp

// The language server: JSON-RPC 2.0 over the base protocol, one request at
// a time. Every message gets an answer the protocol allows, whatever it
// holds; nothing in a message can end the server except `exit`.
#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/lsp/document_store.h"

namespace topoc::lsp {

// JSON-RPC and LSP error codes.
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kServerNotInitialized = -32002;

class Server {
 public:
  explicit Server(std::string version) : version_(std::move(version)) {}

  // Handles one message body; returns the messages to send (a response
  // and/or notifications such as diagnostics), in order.
  std::vector<nlohmann::json> handle(std::string_view body);
  bool exited() const { return exited_; }
  // The process's exit code after `exit`: 0 when `shutdown` came first.
  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  nlohmann::json dispatch(const std::string& method, const nlohmann::json& params,
                          std::vector<nlohmann::json>& notifications);
  void notify(const std::string& method, const nlohmann::json& params,
              std::vector<nlohmann::json>& out);
  void publish(const Document& d, std::vector<nlohmann::json>& out);
  const Document& document(const nlohmann::json& params);

  std::string version_;
  DocumentStore documents_;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
};

// Reads messages from `in` until `exit` or the end of the stream, writing
// answers to `out` and one line per refused frame to `log`. Returns the
// process exit code.
int serve(std::istream& in, std::ostream& out, std::ostream& log, const std::string& version);

}  // namespace topoc::lsp

#include "compiler/lsp/server.h"

#include <iostream>
#include <stdexcept>

#include "compiler/lsp/features.h"
#include "compiler/lsp/transport.h"
#include "compiler/text/visible.h"

namespace topoc::lsp {
namespace {

// A request whose `params` do not fit the method.
struct BadParams : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};
struct UnknownMethod {};

nlohmann::json error_response(const nlohmann::json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

const nlohmann::json& member(const nlohmann::json& object, const char* name) {
  if (!object.is_object() || !object.contains(name)) {
    throw BadParams(std::string("`") + name + "` is missing");
  }
  return object[name];
}

std::string string_member(const nlohmann::json& object, const char* name) {
  const nlohmann::json& v = member(object, name);
  if (!v.is_string()) throw BadParams(std::string("`") + name + "` must be a string");
  return v.get<std::string>();
}

std::string uri_of(const nlohmann::json& params) {
  return string_member(member(params, "textDocument"), "uri");
}

Position position_of(const nlohmann::json& params) {
  try {
    return position_from_json(member(params, "position"));
  } catch (const std::invalid_argument& e) {
    throw BadParams(e.what());
  }
}

nlohmann::json capabilities() {
  return {
      {"textDocumentSync", {{"openClose", true}, {"change", 2}}},  // incremental
      {"hoverProvider", true},
      {"definitionProvider", true},
      {"referencesProvider", true},
      {"completionProvider", {{"triggerCharacters", {"=", "[", ","}}}},
      {"documentFormattingProvider", true},
  };
}

}  // namespace

const Document& Server::document(const nlohmann::json& params) {
  std::string uri = uri_of(params);
  const Document* d = documents_.find(uri);
  if (!d) throw BadParams("the document is not open: " + visible(truncated(uri)));
  return *d;
}

void Server::notify(const std::string& method, const nlohmann::json& params,
                    std::vector<nlohmann::json>& out) {
  out.push_back({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
}

void Server::publish(const Document& d, std::vector<nlohmann::json>& out) {
  notify("textDocument/publishDiagnostics", diagnostics_params(*d.analysis(), d.uri, d.version),
         out);
}

nlohmann::json Server::dispatch(const std::string& method, const nlohmann::json& params,
                                std::vector<nlohmann::json>& out) {
  if (method == "initialize") {
    initialized_ = true;
    return {{"capabilities", capabilities()},
            {"serverInfo", {{"name", "topoc"}, {"version", version_}}}};
  }
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "textDocument/didOpen") {
    const nlohmann::json& doc = member(params, "textDocument");
    const nlohmann::json& version = member(doc, "version");
    if (!version.is_number_integer()) throw BadParams("`version` must be an integer");
    Document& d = documents_.open(string_member(doc, "uri"), version.get<int64_t>(),
                                  string_member(doc, "text"));
    publish(d, out);
    return nullptr;
  }
  if (method == "textDocument/didChange") {
    std::string uri = uri_of(params);
    Document* d = documents_.find(uri);
    if (!d) throw BadParams("the document is not open: " + visible(truncated(uri)));
    const nlohmann::json& changes = member(params, "contentChanges");
    if (!changes.is_array()) throw BadParams("`contentChanges` must be an array");
    std::string text = d->text;
    try {
      for (const nlohmann::json& change : changes) apply_change(text, change);
    } catch (const std::invalid_argument& e) {
      throw BadParams(e.what());
    }
    d->text = std::move(text);
    const nlohmann::json& doc = params["textDocument"];
    if (doc.contains("version") && doc["version"].is_number_integer()) {
      d->version = doc["version"].get<int64_t>();
    }
    publish(*d, out);
    return nullptr;
  }
  if (method == "textDocument/didClose") {
    std::string uri = uri_of(params);
    documents_.close(uri);
    notify("textDocument/publishDiagnostics",
           {{"uri", uri}, {"diagnostics", nlohmann::json::array()}}, out);
    return nullptr;
  }
  if (method == "textDocument/didSave") return nullptr;
  if (method == "textDocument/hover") {
    return hover(*document(params).analysis(), position_of(params));
  }
  if (method == "textDocument/definition") {
    const Document& d = document(params);
    return definition(*d.analysis(), d.uri, position_of(params));
  }
  if (method == "textDocument/references") {
    const Document& d = document(params);
    bool declaration = true;
    if (params.contains("context") && params["context"].is_object()) {
      declaration = params["context"].value("includeDeclaration", true);
    }
    return references(*d.analysis(), d.uri, position_of(params), declaration);
  }
  if (method == "textDocument/completion") {
    return completion(*document(params).analysis(), position_of(params));
  }
  if (method == "textDocument/formatting") return formatting(*document(params).analysis());
  throw UnknownMethod{};
}

std::vector<nlohmann::json> Server::handle(std::string_view body) {
  std::vector<nlohmann::json> out;
  nlohmann::json message = nlohmann::json::parse(body, nullptr, false);
  if (message.is_discarded()) {
    out.push_back(error_response(nullptr, kParseError, "the message is not valid JSON"));
    return out;
  }
  if (!message.is_object()) {
    out.push_back(error_response(nullptr, kInvalidRequest, "a message is a JSON object"));
    return out;
  }
  nlohmann::json id = nullptr;
  bool request = message.contains("id");
  if (request) {
    id = message["id"];
    if (!id.is_string() && !id.is_number_integer()) {
      out.push_back(error_response(nullptr, kInvalidRequest, "`id` must be a number or a string"));
      return out;
    }
  }
  if (!message.contains("method")) {
    // A response to a request of ours; the server sends none, so there is nothing to match.
    if (message.contains("result") || message.contains("error")) return out;
    out.push_back(error_response(id, kInvalidRequest, "a request needs `method`"));
    return out;
  }
  if (!message["method"].is_string()) {
    out.push_back(error_response(id, kInvalidRequest, "`method` must be a string"));
    return out;
  }
  std::string method = message["method"].get<std::string>();
  nlohmann::json params = message.contains("params") ? message["params"] : nlohmann::json::object();

  if (method == "exit") {
    exited_ = true;
    return out;
  }
  if (!initialized_ && method != "initialize") {
    if (request) {
      out.push_back(error_response(id, kServerNotInitialized, "the server is not initialized"));
    }
    return out;
  }
  if (shutdown_ && request) {
    out.push_back(error_response(id, kInvalidRequest, "the server is shut down"));
    return out;
  }
  std::vector<nlohmann::json> notifications;
  try {
    nlohmann::json result = dispatch(method, params, notifications);
    if (request) out.push_back({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
  } catch (const UnknownMethod&) {
    // Notifications the server does not handle, `$/cancelRequest` among
    // them (each request is answered before the next is read), are ignored.
    if (request) {
      out.push_back(error_response(id, kMethodNotFound,
                                   "unknown method `" + visible(truncated(method)) + "`"));
    }
    return out;
  } catch (const BadParams& e) {
    if (request) out.push_back(error_response(id, kInvalidParams, e.what()));
    return out;
  } catch (const nlohmann::json::exception& e) {
    if (request) out.push_back(error_response(id, kInvalidParams, e.what()));
    return out;
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    if (request) out.push_back(error_response(id, kInternalError, visible(truncated(e.what()))));
    return out;
  }
  // The response first, then what the method published.
  for (auto& n : notifications) out.push_back(std::move(n));
  return out;
}

int serve(std::istream& in, std::ostream& out, std::ostream& log, const std::string& version) {
  Server server(version);
  for (;;) {
    Frame frame = read_frame(in);
    switch (frame.status) {
      case Frame::Status::kEnd:
        return 1;  // the client went away without `exit`
      case Frame::Status::kTruncated:
        log << "topoc lsp: " << frame.problem << "\n";
        return 1;
      case Frame::Status::kBadHeader:
      case Frame::Status::kTooLarge:
        log << "topoc lsp: refused " << frame.problem << "\n";
        write_frame(out,
                    error_response(nullptr, kInvalidRequest, "refused " + frame.problem).dump());
        continue;
      case Frame::Status::kMessage:
        break;
    }
    for (const nlohmann::json& message : server.handle(frame.body)) {
      write_frame(out, message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    if (server.exited()) return server.exit_code();
  }
}

}  // namespace topoc::lsp

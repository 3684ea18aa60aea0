// Artifact URIs for SARIF: relative to the repository root, so that code
// scanning finds the file in the checkout whatever directory topoc ran in.
#include <fmt/format.h>

#include <cctype>
#include <filesystem>

#include "compiler/diag/render.h"

namespace topoc::diag {
namespace fs = std::filesystem;

namespace {

// Percent-encodes what a URI path may not hold; keeps `/`.
std::string encode_path(std::string_view path) {
  std::string out;
  for (char c : path) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

fs::path absolute_normal(std::string_view path, std::string_view base_dir) {
  fs::path p(path);
  if (p.is_relative()) {
    std::error_code ec;
    fs::path base = base_dir.empty() ? fs::current_path(ec) : fs::path(base_dir);
    p = base / p;
  }
  // Symbolic links are resolved where they exist, so a root reached through
  // one still contains its files.
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(p, ec);
  return (ec ? p : canonical).lexically_normal();
}

}  // namespace

std::string sarif_uri(std::string_view path) {
  std::string out = encode_path(path);
  while (out.rfind("./", 0) == 0) out.erase(0, 2);
  return out;
}

std::string directory_file_uri(std::string_view absolute_dir) {
  std::string uri = "file://" + encode_path(absolute_dir);
  if (uri.empty() || uri.back() != '/') uri += '/';
  return uri;
}

ArtifactUri artifact_uri(std::string_view path, std::string_view root, std::string_view base_dir) {
  // Standard input (`<stdin>`) has no place in the file system.
  if (root.empty() || path.empty() || path.front() == '<') return {sarif_uri(path), ""};
  fs::path file = absolute_normal(path, base_dir);
  fs::path top = absolute_normal(root, base_dir);
  fs::path relative = file.lexically_relative(top);
  if (!relative.empty() && *relative.begin() != ".." && relative.is_relative()) {
    return {sarif_uri(relative.generic_string()), std::string(kSrcRoot)};
  }
  return {"file://" + encode_path(file.generic_string()), ""};
}

std::string root_relative_path(std::string_view path, std::string_view root,
                               std::string_view base_dir) {
  if (path.empty() || path.front() == '<') return std::string(path);
  fs::path file = absolute_normal(path, base_dir);
  if (!root.empty()) {
    fs::path relative = file.lexically_relative(absolute_normal(root, base_dir));
    if (!relative.empty() && *relative.begin() != ".." && relative.is_relative()) {
      return relative.generic_string();
    }
  }
  return file.generic_string();
}

std::string absolute_path(std::string_view path, std::string_view base_dir) {
  if (path.empty() || path.front() == '<') return std::string(path);
  return absolute_normal(path, base_dir).generic_string();
}

std::string repository_root(std::string_view start) {
  std::error_code ec;
  fs::path dir = start.empty() ? fs::current_path(ec) : fs::path(start);
  dir = absolute_normal(dir.string(), "");
  for (fs::path at = dir;; at = at.parent_path()) {
    if (fs::exists(at / ".git", ec)) return at.string();
    if (at == at.parent_path()) break;
  }
  return dir.string();
}

}  // namespace topoc::diag

#include "compiler/services/app_service/runtimes.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <span>

namespace topoc::services::app_service {
namespace {

struct Runtime {
  std::string_view name;  // DSL spelling
  std::string_view argument;
  std::initializer_list<std::string_view> versions;
};

// Web apps: azurerm spells Node.js versions `20-lts`; Java needs a server
// (Tomcat, JBoss) topoc does not offer, so it is not listed.
const Runtime kWeb[] = {
    {"dotnet", "dotnet_version", {"3.1", "5.0", "6.0", "7.0", "8.0", "9.0", "10.0"}},
    {"node", "node_version", {"12", "14", "16", "18", "20", "22"}},
    {"php", "php_version", {"7.4", "8.0", "8.1", "8.2", "8.3", "8.4"}},
    {"python", "python_version", {"3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"}},
};

const Runtime kFunction[] = {
    {"dotnet", "dotnet_version", {"3.1", "6.0", "7.0", "8.0", "9.0", "10.0"}},
    {"java", "java_version", {"8", "11", "17", "21"}},
    {"node", "node_version", {"12", "14", "16", "18", "20", "22"}},
    {"powershell", "powershell_core_version", {"7", "7.2", "7.4"}},
    {"python", "python_version", {"3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"}},
};

std::span<const Runtime> table(model::SiteKind kind) {
  if (kind == model::SiteKind::kWeb) return kWeb;
  return kFunction;
}

const Runtime* find(model::SiteKind kind, std::string_view runtime, std::string_view version) {
  for (const Runtime& r : table(kind)) {
    if (r.name != runtime) continue;
    if (std::find(r.versions.begin(), r.versions.end(), version) == r.versions.end())
      return nullptr;
    return &r;
  }
  return nullptr;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

ApplicationStack application_stack(model::SiteKind kind, std::string_view runtime,
                                   std::string_view version) {
  const Runtime* r = find(kind, runtime, version);
  if (!r) return {};
  std::string value(version);
  if (kind == model::SiteKind::kWeb && runtime == "node") value += "-lts";
  return {std::string(r->argument), value};
}

std::vector<std::string_view> runtimes(model::SiteKind kind) {
  std::vector<std::string_view> out;
  for (const Runtime& r : table(kind)) out.push_back(r.name);
  return out;
}

std::vector<std::string_view> versions(model::SiteKind kind, std::string_view runtime) {
  for (const Runtime& r : table(kind)) {
    if (r.name == runtime) return {r.versions.begin(), r.versions.end()};
  }
  return {};
}

std::string linux_fx_version(model::SiteKind kind, std::string_view runtime,
                             std::string_view version) {
  ApplicationStack stack = application_stack(kind, runtime, version);
  if (stack.argument.empty()) return "";
  std::string name = upper(runtime);
  if (runtime == "dotnet")
    name = kind == model::SiteKind::kFunction ? "DOTNET-ISOLATED" : "DOTNETCORE";
  return name + "|" + stack.value;
}

}  // namespace topoc::services::app_service

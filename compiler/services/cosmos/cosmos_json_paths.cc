// C004: container paths are JSON paths into the stored items (cosmosdb.md
// §8): a partition key or last-writer-wins conflict path names one property,
// `/tenantId`; an index path names a value, `/tenantId/?`, or everything
// below a property, `/messages/*`. Azure rejects other shapes when the
// container is created.
#include <fmt/format.h>

#include <optional>

#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

struct PathProblem {
  std::string text;                  // completes "`/x` of container `c` ..."
  std::optional<std::string> fixed;  // the one obvious correction, if any
};

std::optional<PathProblem> property_path_problem(std::string_view path) {
  if (path.empty() || path.front() != '/') {
    std::string fixed = fmt::format("/{}", path);
    bool fixes_all = !property_path_problem(fixed);
    return PathProblem{"must start with `/`",
                       fixes_all ? std::optional<std::string>(fixed) : std::nullopt};
  }
  if (path.find_first_of("*?") != std::string_view::npos) {
    return PathProblem{"cannot contain `*` or `?`; it names a single property", std::nullopt};
  }
  if (path.size() > 1 && path.back() == '/') {
    std::string_view trimmed = path;
    while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.remove_suffix(1);
    return PathProblem{"must not end with `/`", std::string(trimmed)};
  }
  if (path == "/") return PathProblem{"must name a property, like `/tenantId`", std::nullopt};
  if (path.find("//") != std::string_view::npos) {
    return PathProblem{"has an empty step `//`", std::nullopt};
  }
  return std::nullopt;
}

std::optional<PathProblem> index_path_problem(std::string_view path) {
  bool ends_ok = path.size() >= 2 && path[path.size() - 2] == '/' &&
                 (path.back() == '?' || path.back() == '*');
  if (path.empty() || path.front() != '/') {
    std::string fixed = fmt::format("/{}", path);
    return PathProblem{"must start with `/`",
                       ends_ok ? std::optional<std::string>(fixed) : std::nullopt};
  }
  if (!ends_ok) {
    return PathProblem{"must end with `/?` (the value) or `/*` (everything below it)",
                       std::nullopt};
  }
  return std::nullopt;
}

void report(diag::DiagnosticSink& sink, const model::Sourced<std::string>& path,
            const model::Container& k, std::string_view what, const PathProblem& problem) {
  auto& d = sink.report(
      diag::Kind::InvalidPartitionKey, value_or(path, k.location),
      fmt::format("{} `{}` of container `{}` {}", what, path.value, k.name, problem.text));
  bool quotable = path.value.find_first_of("\"\\") == std::string::npos;
  if (problem.fixed && path.explicit_ && quotable) {
    d.fixit = diag::FixIt{path.location, fmt::format("\"{}\"", *problem.fixed)};
  }
}

}  // namespace

void cosmos_json_paths(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.cosmos) return;
  for (const model::Container& k : t.cosmos->containers) {
    if (k.partition_key.explicit_) {
      if (auto p = property_path_problem(k.partition_key.value)) {
        report(sink, k.partition_key, k, "partition key", *p);
      }
    }
    if (k.conflict_path.explicit_) {
      if (auto p = property_path_problem(k.conflict_path.value)) {
        report(sink, k.conflict_path, k, "conflict path", *p);
      }
    }
    for (const auto& path : k.index_include) {
      if (auto p = index_path_problem(path.value)) report(sink, path, k, "index path", *p);
    }
    for (const auto& path : k.index_exclude) {
      if (auto p = index_path_problem(path.value)) report(sink, path, k, "index path", *p);
    }
  }
}

}  // namespace topoc::rules

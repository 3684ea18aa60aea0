// X001: every Azure name the build will create (compiler/naming) must pass
// its resource type's naming rules. The diagnostic sits on the DSL element to
// change; when one element breaks several names, the first is the message
// and the others are listed in the help.
#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <tuple>
#include <utility>

#include "compiler/rules/generated_names.h"

namespace topoc::rules {
namespace {

struct Finding {
  const naming::GeneratedName* name;
  const naming::NamingRule* rule;
  std::string problem;
};

std::string message_of(const Finding& f) {
  const std::string& name = f.name->name;
  size_t length = naming::name_length(name);
  bool characters_ok = std::all_of(name.begin(), name.end(),
                                   [&](char c) { return naming::allows_character(*f.rule, c); });
  const char* verb = !characters_ok                ? "change"
                     : length > f.rule->max_length ? "shorten"
                     : length < f.rule->min_length ? "lengthen"
                                                   : "change";
  return fmt::format("{} name `{}` {}; {} {}", f.rule->noun, name, f.problem, verb,
                     f.name->source_hint);
}

}  // namespace

void report_invalid_names(std::span<const naming::GeneratedName> names,
                          diag::DiagnosticSink& sink) {
  // Grouped by the element to change, in the order the names were generated.
  std::vector<std::pair<diag::Location, std::vector<Finding>>> groups;
  std::map<std::tuple<uint32_t, uint32_t, uint32_t>, size_t> group_of;
  for (const naming::GeneratedName& n : names) {
    const naming::NamingRule* rule = n.broken;  // judged once, as the name was made
    if (!rule) continue;
    std::optional<std::string> problem = naming::violation(*rule, n.name);
    if (!problem) continue;
    auto [at, added] = group_of.emplace(
        std::tuple{n.source.file, n.source.span.begin, n.source.span.end}, groups.size());
    if (added) groups.push_back({n.source, {}});
    auto group = groups.begin() + static_cast<std::ptrdiff_t>(at->second);
    bool same_type = std::any_of(group->second.begin(), group->second.end(),
                                 [&](const Finding& f) { return f.rule == rule; });
    if (!same_type) group->second.push_back({&n, rule, *problem});
  }
  for (const auto& [location, findings] : groups) {
    auto& d = sink.report(diag::Kind::InvalidGeneratedName, location, message_of(findings[0]));
    if (findings.size() == 1) continue;
    std::string others;
    for (size_t i = 1; i < findings.size(); ++i) {
      if (i > 1) others += i + 1 == findings.size() ? " and " : ", ";
      others += fmt::format("{} `{}`", findings[i].rule->noun, findings[i].name->name);
    }
    d.help = fmt::format("the same element also makes an invalid {}", others);
  }
}

}  // namespace topoc::rules

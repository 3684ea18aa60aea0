#include "compiler/services/dns/host_names.h"

#include <fmt/format.h>

namespace topoc::services::dns {
namespace {

// Why the dot-separated labels of `name` are not valid, or empty; counts
// them into `labels`.
std::string labels_problem(std::string_view name, bool underscores, size_t& labels) {
  labels = 0;
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('.', start);
    if (end == std::string_view::npos) end = name.size();
    std::string_view label = name.substr(start, end - start);
    ++labels;
    if (label.empty()) return "it has an empty label (`..`)";
    if (label.size() > 63) return fmt::format("label `{}` is longer than 63 characters", label);
    for (char c : label) {
      if (c >= 'A' && c <= 'Z') return "write it in lowercase";
      bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                (underscores && c == '_');
      if (!ok) {
        return underscores ? fmt::format("`{}` is not a letter, digit, hyphen or underscore", c)
                           : fmt::format("`{}` is not a letter, digit or hyphen", c);
      }
    }
    if (label.front() == '-' || label.back() == '-') {
      return fmt::format("label `{}` starts or ends with a hyphen", label);
    }
    start = end + 1;
  }
  return {};
}

}  // namespace

std::string host_name_problem(std::string_view name) {
  if (name.empty()) return "it is empty";
  if (name.size() > 253) return fmt::format("it is {} characters long; at most 253 fit", name.size());
  if (name.front() == '*') return "wildcard domains are not supported; name each host";
  if (name.back() == '.') return "drop the final `.`";
  size_t labels = 0;
  if (std::string why = labels_problem(name, false, labels); !why.empty()) return why;
  if (labels < 2) return "a domain has at least two labels, like `example.com`";
  return {};
}

std::string record_name_problem(std::string_view name, std::string_view zone) {
  if (name == "@") return {};
  if (name.empty()) return "it is empty; write `@` for the zone's apex";
  if (name.front() == '*') return "wildcard records are not supported; name each host";
  if (name.back() == '.') return "write it relative to the zone, without a final `.`";
  if (name.size() + 1 + zone.size() > 253) {
    return fmt::format("with the zone it is {} characters long; at most 253 fit",
                       name.size() + 1 + zone.size());
  }
  size_t labels = 0;
  return labels_problem(name, true, labels);
}

}  // namespace topoc::services::dns

// S134: the publisher azurerm requires. Sources: azurerm v4.55.0
// internal/services/apimanagement/validate/api_management.go
// (ApiManagementServicePublisherName `^.{1,100}$`,
// ApiManagementServicePublisherEmail `^[\S*]{1,100}$`); Azure refuses an
// email address without a local part and a domain.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

constexpr size_t kMaxLength = 100;

// Characters as Go's regexp counts them: UTF-8 code points.
size_t code_points(std::string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string email_problem(std::string_view email) {
  if (email.empty() || code_points(email) > kMaxLength) return "is not 1-100 characters";
  if (std::any_of(email.begin(), email.end(),
                  [](unsigned char c) { return std::isspace(c) != 0; })) {
    return "contains white space";
  }
  size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 ||
      email.find('@', at + 1) != std::string_view::npos) {
    return "is not an email address";
  }
  std::string_view domain = email.substr(at + 1);
  size_t dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == domain.size()) {
    return "has no domain";
  }
  return "";
}

}  // namespace

void api_management_publisher(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.api_management) continue;
    const model::ApiManagement& apim = *region.api_management;
    if (apim.publisher_email.explicit_) {
      if (std::string why = email_problem(apim.publisher_email.value); !why.empty()) {
        sink.report(diag::Kind::ApiManagementPublisher, apim.publisher_email.location,
                    fmt::format("publisher email `{}` {}", apim.publisher_email.value, why))
            .help = "write an address like \"api@contoso.com\", at most 100 characters";
      }
    }
    const std::string& name = apim.publisher_name.value;
    if (apim.publisher_name.explicit_ && (name.empty() || code_points(name) > kMaxLength ||
                                          name.find_first_of("\r\n") != std::string::npos)) {
      sink.report(diag::Kind::ApiManagementPublisher, apim.publisher_name.location,
                  "publisher name is not 1-100 characters on one line")
          .help = "write the organization's name, like \"Contoso\"";
    }
  }
}

}  // namespace topoc::rules

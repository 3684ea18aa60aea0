// What Azure DNS and Front Door accept as a host name, a zone and a record
// name, shared by the Front Door domain rules and the `dns` zone rules.
#pragma once

#include <string>
#include <string_view>

namespace topoc::services::dns {

// Why `name` is not a host name Azure DNS and Front Door accept, or empty:
// dot-separated labels of lowercase letters, digits and inner hyphens, each
// 1-63 characters, at least two labels, 253 characters in all.
std::string host_name_problem(std::string_view name);

// Why `name` is not a record name inside `zone` (a valid zone), or empty:
// `@` for the apex, else labels as above that may also hold `_` (service
// and verification names: `_dmarc`, `_acme-challenge`), the full name at
// most 253 characters.
std::string record_name_problem(std::string_view name, std::string_view zone);

}  // namespace topoc::services::dns

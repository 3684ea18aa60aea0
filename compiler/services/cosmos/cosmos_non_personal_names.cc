// C007: a container declared `data = non-personal` goes to the global
// account, replicated to every region whatever its boundary. A partition key
// or name that says it is keyed by tenant, user or customer suggests the
// declaration is a mistake: warned, since only the author knows the data.
#include <fmt/format.h>

#include <array>
#include <optional>
#include <string_view>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

// Words that name whose data a document is. Matched in lower case anywhere
// in the path or name, so `/tenantId`, `/userId` and `customer-orders` hit.
constexpr std::array<std::string_view, 8> kPersonalWords = {
    "tenant", "user", "customer", "person", "email", "patient", "member", "employee"};

std::optional<std::string_view> personal_word(std::string_view text) {
  std::string lower(text);
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (std::string_view word : kPersonalWords) {
    if (lower.find(word) != std::string::npos) return word;
  }
  return std::nullopt;
}

}  // namespace

void cosmos_non_personal_names(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.cosmos) return;
  for (const model::Container& k : t.cosmos->containers) {
    if (k.data.value != model::DataClass::kNonPersonal) continue;
    std::optional<std::string_view> word = personal_word(k.partition_key.value);
    bool by_partition = word.has_value();
    if (!word) word = personal_word(k.name);
    if (!word) continue;
    auto& d = sink.report(
        diag::Kind::NonPersonalLooksPersonal, k.data.location,
        fmt::format("container `{}` is declared `data = non-personal`, but its {} `{}` suggests "
                    "{} data; non-personal containers are replicated to every region, across "
                    "boundaries",
                    k.name, by_partition ? "partition key" : "name",
                    by_partition ? k.partition_key.value : k.name, *word));
    d.notes.push_back({by_partition ? k.partition_key.location : k.location,
                       by_partition ? "partitioned here" : "named here"});
    d.help = "remove `data = non-personal` to keep the container in each boundary's own account";
  }
}

}  // namespace topoc::rules

// C002: the bounded-staleness window Cosmos DB accepts (cosmosdb.md §2): a
// lag of 5 s to 1 day and 10 to 2147483647 versions on a single-region
// account, but at least 300 s and 100000 versions once any account has a
// second location. The provider checks the multi-region floor only when an
// account is created, so a change made later would reach Azure unchecked.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/naming/cosmos_accounts.h"
#include "compiler/rules/duration_text.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

struct Bounds {
  int64_t min;
  int64_t max;
};

constexpr Bounds kSingleInterval{5, 86400}, kMultiInterval{300, 86400};
constexpr Bounds kSinglePrefix{10, 2147483647}, kMultiPrefix{100000, 2147483647};

// "the `eu` account replicates to `westeurope` and `northeurope`".
std::string describe(const naming::CosmosAccount& account) {
  std::vector<std::string> locations;
  for (const auto& l : account.locations) locations.push_back(l.value);
  std::string owner = account.boundary ? fmt::format("the `{}` account", account.boundary->name)
                                       : std::string("the account");
  return fmt::format("{} replicates to {}", owner, quoted_list(locations));
}

void check(diag::DiagnosticSink& sink, const model::Sourced<int64_t>& value,
           diag::Location enclosing, Bounds bounds, const naming::CosmosAccount* multi,
           std::string_view what, std::string (*text)(int64_t)) {
  if (value.value >= bounds.min && value.value <= bounds.max) return;
  bool low = value.value < bounds.min;
  std::string limit = text(low ? bounds.min : bounds.max);
  std::string message =
      low && multi ? fmt::format(
                         "bounded staleness `{}` of {} is below {}, the minimum for a "
                         "multi-region account; {}",
                         what, text(value.value), limit, describe(*multi))
                   : fmt::format("bounded staleness `{}` of {} is {} {}, the {} Cosmos DB accepts",
                                 what, text(value.value), low ? "below" : "above", limit,
                                 low ? "minimum" : "maximum");
  auto& d =
      sink.report(diag::Kind::BoundedStalenessOutOfRange, value_or(value, enclosing), message);
  if (low && multi) {
    d.notes.push_back(
        {multi->locations[1].location,
         fmt::format("`{}` makes the account multi-region", multi->locations[1].value)});
  }
  if (value.explicit_) d.fixit = diag::FixIt{value.location, limit};
}

std::string number_text(int64_t n) {
  return fmt::format("{}", n);
}

}  // namespace

void cosmos_bounded_staleness(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.cosmos || t.cosmos->consistency.value != model::Consistency::kBoundedStaleness) return;
  const model::Cosmos& c = *t.cosmos;
  std::vector<naming::CosmosAccount> accounts = naming::cosmos_accounts(t);
  auto multi = std::find_if(accounts.begin(), accounts.end(),
                            [](const naming::CosmosAccount& a) { return a.locations.size() > 1; });
  const naming::CosmosAccount* multi_account = multi == accounts.end() ? nullptr : &*multi;
  check(sink, c.max_staleness_seconds, c.location, multi_account ? kMultiInterval : kSingleInterval,
        multi_account, "interval", duration_text);
  check(sink, c.max_staleness_prefix, c.location, multi_account ? kMultiPrefix : kSinglePrefix,
        multi_account, "prefix", number_text);
}

}  // namespace topoc::rules

// C006: a container's default time to live is -1 (`ttl = on`: items expire
// only when they carry their own ttl) or 1 to 2147483647 seconds, about 68
// years (cosmosdb.md §7). `ttl = off`, or no `ttl`, leaves expiry off; a
// written zero (`ttl = 0s`) is refused rather than read as either.
#include <fmt/format.h>

#include "compiler/rules/duration_text.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

constexpr int64_t kMaximumTtl = 2147483647;

}  // namespace

void cosmos_ttl(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.cosmos) return;
  for (const model::Container& k : t.cosmos->containers) {
    int64_t ttl = k.ttl_seconds.value;
    bool zero = ttl == 0 && k.ttl_seconds.explicit_;
    if (!zero && ttl >= -1 && ttl <= kMaximumTtl) continue;
    auto& d = sink.report(
        diag::Kind::TtlOutOfRange, value_or(k.ttl_seconds, k.location),
        fmt::format("`ttl` of {} on container `{}` is {}; Cosmos DB accepts 1s to {} seconds "
                    "(about 68 years), or `on`",
                    duration_text(ttl), k.name,
                    zero                ? "zero"
                    : ttl > kMaximumTtl ? "too long"
                                        : "negative",
                    kMaximumTtl));
    d.help = zero ? "write `ttl = off` to keep items forever, or a duration of at least 1s"
                  : "write `ttl = on` to keep items until they set their own expiry";
  }
}

}  // namespace topoc::rules

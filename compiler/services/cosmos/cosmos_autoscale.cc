// C005: autoscale throughput (`max_ru`, the RU/s ceiling a container scales
// up to) starts at 1000 RU/s and moves in steps of 1000 (cosmosdb.md §6).
// 1000000 RU/s is the default ceiling per container; raising it takes a
// support request, so topoc treats it as the limit.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

constexpr int64_t kMinimum = 1000;
constexpr int64_t kMaximum = 1000000;
constexpr int64_t kStep = 1000;

}  // namespace

void cosmos_autoscale(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.cosmos) return;
  for (const model::Container& k : t.cosmos->containers) {
    int64_t ru = k.max_throughput.value;
    std::string problem;
    if (ru < kMinimum) {
      problem = fmt::format("is below {}, the smallest autoscale maximum", kMinimum);
    } else if (ru > kMaximum) {
      problem = fmt::format(
          "is above {}, the most a container can scale to without a support "
          "request",
          kMaximum);
    } else if (ru % kStep != 0) {
      problem = fmt::format("is not a multiple of {}", kStep);
    } else {
      continue;
    }
    auto& d = sink.report(diag::Kind::AutoscaleOutOfRange, value_or(k.max_throughput, k.location),
                          fmt::format("autoscale `max_ru` {} of container `{}` {}; Cosmos DB "
                                      "accepts {} to {} RU/s in steps of {}",
                                      ru, k.name, problem, kMinimum, kMaximum, kStep));
    // Round up to the next step: the nearest value that keeps at least the
    // throughput asked for.
    int64_t fixed = std::clamp((ru + kStep - 1) / kStep * kStep, kMinimum, kMaximum);
    if (k.max_throughput.explicit_)
      d.fixit = diag::FixIt{k.max_throughput.location, fmt::format("{}", fixed)};
  }
}

}  // namespace topoc::rules

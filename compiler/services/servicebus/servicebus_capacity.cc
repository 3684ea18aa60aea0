// S040: the messaging units and partitions of a Service Bus Premium
// namespace. azurerm 4.55 accepts `capacity` 1, 2, 4, 8 or 16 on Premium and
// `premium_messaging_partitions` 1, 2 or 4
// (internal/services/servicebus/servicebus_namespace_resource.go); Azure
// spreads the units evenly over the partitions, so the units are a multiple
// of the partitions (Microsoft Learn, "Enable partitioning for an Azure
// Service Bus Premium namespace"). The geo-disaster recovery partner is a
// namespace too and is held to the same.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

constexpr std::array<int64_t, 5> kCapacities = {1, 2, 4, 8, 16};
constexpr std::array<int64_t, 3> kPartitions = {1, 2, 4};

template <size_t N>
bool one_of(const std::array<int64_t, N>& values, int64_t v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

void check(const model::Sourced<int64_t>& capacity, const model::Sourced<int64_t>& partitions,
           std::string_view what, diag::DiagnosticSink& sink) {
  if (capacity.explicit_ && !one_of(kCapacities, capacity.value)) {
    auto& d = sink.report(diag::Kind::ServiceBusCapacity, capacity.location,
                          fmt::format("{} cannot have {} messaging units", what, capacity.value));
    d.help = "`capacity` is 1, 2, 4, 8 or 16";
    return;
  }
  if (partitions.explicit_ && !one_of(kPartitions, partitions.value)) {
    auto& d = sink.report(diag::Kind::ServiceBusCapacity, partitions.location,
                          fmt::format("{} cannot have {} partitions", what, partitions.value));
    d.help = "`partitions` is 1, 2 or 4";
    return;
  }
  if (capacity.value % partitions.value == 0) return;
  const auto& at = capacity.explicit_ ? capacity : partitions;
  auto& d = sink.report(diag::Kind::ServiceBusCapacity, at.location,
                        fmt::format("{} spreads {} messaging units over {} partitions; Azure "
                                    "gives every partition the same number of units",
                                    what, capacity.value, partitions.value));
  if (capacity.explicit_ && partitions.explicit_) {
    d.notes.push_back(
        {partitions.location, fmt::format("{} partitions chosen here", partitions.value)});
  }
  d.help = fmt::format("make `capacity` a multiple of {}", partitions.value);
}

}  // namespace

void servicebus_capacity(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.servicebus) continue;
    const model::ServiceBus& sb = *region.servicebus;
    check(sb.capacity, sb.partitions,
          fmt::format("the Service Bus namespace of region `{}`", region.key), sink);
    if (sb.geo_dr) {
      check(sb.geo_dr->capacity, sb.geo_dr->partitions,
            fmt::format("the geo-disaster recovery partner of region `{}`", region.key), sink);
    }
  }
}

}  // namespace topoc::rules

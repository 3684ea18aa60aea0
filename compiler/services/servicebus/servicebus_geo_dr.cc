// Geo-disaster recovery and geo-replication of a Service Bus namespace.
// S045: the partner namespace is in another region than the primary
// (Microsoft Learn, "Azure Service Bus Geo-Disaster Recovery": a pairing
// protects against the loss of a region). S046: a partitioned namespace
// is never paired with one that is not (Microsoft Learn, "Enable
// partitioning for an Azure Service Bus Premium namespace"). S047:
// geo-replication (messages as well as entities) is the ARM property
// `geoDataReplication`, which azurerm 4.55's `azurerm_servicebus_namespace`
// has no argument for; rather than dropping it from one backend, topoc
// refuses it.
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void servicebus_geo_dr(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.servicebus) continue;
    const model::ServiceBus& sb = *region.servicebus;
    if (sb.geo_replication.explicit_) {
      auto& d = sink.report(
          diag::Kind::ServiceBusGeoReplication, sb.geo_replication.location,
          fmt::format("geo-replication of the Service Bus namespace of region `{}` cannot be "
                      "deployed: azurerm 4.55 has no argument for it",
                      region.key));
      d.help = fmt::format(
          "write `geo_dr {{ partner = {} }}` to keep a copy of the topics and subscriptions "
          "(not the messages) in another region",
          sb.geo_replication.value);
    }
    if (!sb.geo_dr) continue;
    const model::ServiceBusGeoDr& dr = *sb.geo_dr;
    if (dr.partner.value == region.location.value) {
      auto& d = sink.report(diag::Kind::ServiceBusPartnerSameLocation, dr.partner.location,
                            fmt::format("the geo-disaster recovery partner of region `{}` is in "
                                        "`{}`, the namespace's own location",
                                        region.key, dr.partner.value));
      if (region.failover.explicit_ && region.failover.value != region.location.value) {
        d.help = fmt::format("pair with the region's failover `{}`", region.failover.value);
        d.fixit = diag::FixIt{dr.partner.location, region.failover.value};
      } else {
        d.help = "choose a partner location in another region of the boundary";
      }
    }
    bool partner_partitioned = dr.partitions.value > 1;
    if (partner_partitioned != sb.partitioned()) {
      auto& d = sink.report(
          diag::Kind::ServiceBusPartitionedPairing,
          dr.partitions.explicit_ ? dr.partitions.location : dr.location,
          fmt::format("the Service Bus namespace of region `{}` has {} partition{} and its "
                      "geo-disaster recovery partner {}; Azure pairs only namespaces that are "
                      "both partitioned or both not",
                      region.key, sb.partitions.value, sb.partitions.value == 1 ? "" : "s",
                      dr.partitions.value));
      if (sb.partitions.explicit_) {
        d.notes.push_back({sb.partitions.location, "the namespace's partitions are set here"});
      }
      d.help = "give the partner the namespace's `partitions`, or remove it from `geo_dr`";
    }
  }
}

}  // namespace topoc::rules

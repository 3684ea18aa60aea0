// A region's Service Bus Premium namespace: the namespace (primary), its
// topics, subscriptions and their SQL filter rules, its private endpoint,
// and with `geo_dr` the partner namespace, the pairing (an alias) and the
// partner's private endpoint. Azure copies the entities and their settings
// to the partner, not the messages, but after a failover the alias sends
// every new message there: the partner is a `replica` placement (R010),
// in a location the topology chooses rather than the Azure pair.
#include <fmt/format.h>

#include "compiler/estate/add_resource.h"
#include "compiler/services/registry.h"

namespace topoc::services::servicebus {
namespace {

// What drift compares on a namespace (compiler/drift).
nlohmann::json namespace_properties(int64_t capacity, int64_t partitions) {
  return {{"sku", "Premium"},
          {"capacity", capacity},
          {"premium_messaging_partitions", partitions},
          {"public_network_access_enabled", false},
          {"local_auth_enabled", false},
          {"minimum_tls_version", "1.2"}};
}

void entities(estate::Estate& e, const model::Region& r, const model::ServiceBus& sb,
              const std::string& module, const std::string& namespace_key) {
  for (const model::ServiceBusTopic& topic : sb.topics) {
    auto& t = estate::add_regional(
        e, r, module + ".azurerm_servicebus_topic.this" + estate::instance(topic.name),
        "azurerm_servicebus_topic", topic.name, r.location.value,
        {{"partitioning_enabled", topic.partitioned.value},
         {"requires_duplicate_detection", topic.duplicate_detection.explicit_},
         {"max_size_in_megabytes", topic.max_size_mb.value}},
        false);
    t.source = topic.location;
    t.depends_on.push_back(namespace_key);
    for (const model::ServiceBusSubscription& sub : topic.subscriptions) {
      const std::string key = estate::instance(topic.name + "/" + sub.name);
      estate::add_regional(e, r, module + ".azurerm_servicebus_subscription.this" + key,
                           "azurerm_servicebus_subscription", sub.name, r.location.value,
                           {{"max_delivery_count", sub.max_delivery.value}}, false)
          .source = sub.location;
      if (sub.filter.explicit_) {
        estate::add_regional(e, r, module + ".azurerm_servicebus_subscription_rule.filter" + key,
                             "azurerm_servicebus_subscription_rule", "filter", r.location.value,
                             {{"filter_type", "SqlFilter"}}, false)
            .source = sub.filter.location;
      }
    }
  }
}

void geo_dr(estate::Estate& e, const model::Region& r, const model::ServiceBus& sb,
            const std::string& module, const std::string& name, const std::string& namespace_key) {
  const model::ServiceBusGeoDr& dr = *sb.geo_dr;
  const std::string& partner_name = e.names.region(r.key, "servicebus.partner");
  auto& partner =
      estate::add_regional(e, r, module + ".azurerm_servicebus_namespace.partner[0]",
                           "azurerm_servicebus_namespace", partner_name, dr.partner.value,
                           namespace_properties(dr.capacity.value, dr.partitions.value), true);
  partner.source = dr.location;
  estate::Placement copy{estate::PlacementKind::kReplica, {dr.partner.value}};
  copy.from = r.location.value;
  copy.reasons.push_back(
      {dr.partner.location,
       fmt::format("the Service Bus namespace `{}` of region `{}` sets `geo_dr {{ partner = {} "
                   "}}`: namespace `{}` holds a copy of its topics, subscriptions and filters, "
                   "and every new message after a failover",
                   name, r.key, dr.partner.value, partner_name)});
  partner.placements.push_back(std::move(copy));
  const std::string partner_key = partner.key;
  if (!e.placements_only) {
    auto& pairing = estate::add_regional(
        e, r, module + ".azurerm_servicebus_namespace_disaster_recovery_config.this[0]",
        "azurerm_servicebus_namespace_disaster_recovery_config",
        e.names.region(r.key, "servicebus.alias"), r.location.value, nullptr, false);
    pairing.source = dr.location;
    pairing.depends_on.push_back(namespace_key);
    pairing.depends_on.push_back(partner_key);
  }
  if (e.dns_of(r)) {
    estate::add_regional(e, r, module + ".azurerm_private_endpoint.partner[0]",
                         "azurerm_private_endpoint",
                         e.names.region(r.key, "pep.servicebus_partner"), r.location.value,
                         {{"subresource_names", {"namespace"}}}, true)
        .source = dr.location;
  }
}

}  // namespace

void plan(estate::Estate& e) {
  for (const model::Region& r : e.topology->regions) {
    if (!r.servicebus) continue;
    const model::ServiceBus& sb = *r.servicebus;
    const std::string module = "module.servicebus" + estate::instance(r.key);
    const std::string& name = e.names.region(r.key, "servicebus");
    auto& ns = estate::add_regional(
        e, r, module + ".azurerm_servicebus_namespace.this", "azurerm_servicebus_namespace", name,
        r.location.value, namespace_properties(sb.capacity.value, sb.partitions.value), true);
    ns.source = sb.location;
    ns.placements.push_back(estate::follows_region(r, "the Service Bus namespace"));
    const std::string namespace_key = ns.key;
    if (!e.placements_only) entities(e, r, sb, module, namespace_key);
    if (sb.geo_dr) geo_dr(e, r, sb, module, name, namespace_key);
    estate::add_private_endpoint(e, r, "servicebus", "servicebus", "namespace");
  }
}

}  // namespace topoc::services::servicebus

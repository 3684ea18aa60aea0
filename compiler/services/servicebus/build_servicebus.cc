// A region's `servicebus` block: a Service Bus Premium namespace, its
// geo-disaster recovery partner and its topics with their subscriptions.
// Values Azure refuses for reasons that depend on other values (messaging
// units against partitions, a partitioned topic in a namespace that is not)
// and the limits of durations and filters are left to rules S040-S047; here
// only each value's own form is checked.
#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "compiler/model/build_parts.h"
#include "compiler/model/duplicate_names.h"

namespace topoc::model {
namespace {

// The topic sizes azurerm 4.55 accepts (`max_size_in_megabytes`,
// internal/services/servicebus/validate/servicebus.go).
constexpr int64_t kTopicSizes[] = {1024, 2048, 3072, 4096, 5120, 10240, 20480, 40960, 81920};

constexpr int64_t kIntMax = std::numeric_limits<int32_t>::max();

void read_subscription(BlockReader& r, ServiceBusSubscription& s) {
  r.integer("max_delivery", s.max_delivery, 1, kIntMax);
  r.duration("ttl", s.ttl);
  r.duration("auto_delete", s.auto_delete);
  r.boolean("dead_letter_on_expiration", s.dead_letter_on_expiration);
  r.string("filter", s.filter);
}

void read_topic(BlockReader& r, ServiceBusTopic& t) {
  const ReadContext& ctx = r.context();
  r.duration("ttl", t.ttl);
  r.duration("auto_delete", t.auto_delete);
  r.duration("duplicate_detection", t.duplicate_detection);
  r.boolean("partitioned", t.partitioned);
  if (r.integer("max_size_mb", t.max_size_mb, 1, kIntMax) &&
      std::find(std::begin(kTopicSizes), std::end(kTopicSizes), t.max_size_mb.value) ==
          std::end(kTopicSizes)) {
    ctx.sink->report(diag::Kind::InvalidValue, t.max_size_mb.location,
                     fmt::format("a topic holds 1024, 2048, 3072, 4096, 5120, 10240, 20480, 40960 "
                                 "or 81920 MB, not {}",
                                 t.max_size_mb.value));
    t.max_size_mb = {1024, {}, false};
  }
  DuplicateNames names(*ctx.sink, "first declared here");
  for (const dsl::Node* n : r.blocks("subscription")) {
    auto label = single_label(ctx, *n, "subscription \"indexer\" { max_delivery = 10 }");
    if (!label) continue;
    ServiceBusSubscription s{*label, ctx.at(n->labels[0].span)};
    s.max_delivery.value = 10;
    s.dead_letter_on_expiration.value = false;
    BlockReader sr(*n, ctx);
    read_subscription(sr, s);
    sr.finish();
    bool first = std::none_of(t.subscriptions.begin(), t.subscriptions.end(),
                              [&](const ServiceBusSubscription& x) { return x.name == s.name; });
    names.declare(s.name, s.location, [&] {
      return fmt::format("subscription `{}` of topic `{}` is declared twice", s.name, t.name);
    });
    if (first) t.subscriptions.push_back(std::move(s));
  }
}

void read_geo_dr(BlockReader& r, ServiceBusGeoDr& dr) {
  r.location("partner", dr.partner);
  r.integer("capacity", dr.capacity, 1, kIntMax);
  r.integer("partitions", dr.partitions, 1, kIntMax);
  if (!dr.partner.explicit_) {
    r.context().sink->report(diag::Kind::MissingAttribute, dr.location,
                             "`geo_dr` needs the partner namespace's location, e.g. "
                             "`partner = northeurope`");
  }
}

}  // namespace

void read_servicebus(BlockReader& r, ServiceBus& sb) {
  const ReadContext& ctx = r.context();
  sb.location = r.where();
  sb.capacity.value = 1;
  sb.partitions.value = 1;
  // Premium messaging units and partitions; which combinations Azure
  // accepts is rule S040's business.
  r.integer("capacity", sb.capacity, 1, kIntMax);
  r.integer("partitions", sb.partitions, 1, kIntMax);
  r.location("geo_replication", sb.geo_replication);
  if (const dsl::Node* n = r.block("geo_dr")) {
    expect_no_labels(ctx, *n);
    ServiceBusGeoDr dr;
    dr.location = ctx.at(n->key_span);
    BlockReader dr_reader(*n, ctx);
    read_geo_dr(dr_reader, dr);
    dr_reader.finish();
    if (!dr.capacity.explicit_) dr.capacity.value = sb.capacity.value;
    if (!dr.partitions.explicit_) dr.partitions.value = sb.partitions.value;
    if (dr.partner.explicit_) sb.geo_dr = std::move(dr);
  }
  DuplicateNames names(*ctx.sink, "first declared here");
  for (const dsl::Node* n : r.blocks("topic")) {
    auto label = single_label(ctx, *n, "topic \"events\" { ttl = 1h }");
    if (!label) continue;
    ServiceBusTopic t{*label, ctx.at(n->labels[0].span)};
    t.max_size_mb.value = 1024;
    t.partitioned.value = sb.partitioned();
    BlockReader tr(*n, ctx);
    read_topic(tr, t);
    tr.finish();
    bool first = std::none_of(sb.topics.begin(), sb.topics.end(),
                              [&](const ServiceBusTopic& x) { return x.name == t.name; });
    names.declare(t.name, t.location,
                  [&] { return fmt::format("topic `{}` is declared twice", t.name); });
    if (first) sb.topics.push_back(std::move(t));
  }
}

}  // namespace topoc::model

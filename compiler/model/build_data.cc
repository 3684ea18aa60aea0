// The Cosmos DB block: account settings and containers.
#include <fmt/format.h>

#include "compiler/model/build_parts.h"
#include "compiler/model/duplicate_names.h"

namespace topoc::model {
namespace {

using diag::Kind;

constexpr Choice<Consistency> kConsistencies[] = {
    {"strong", Consistency::kStrong},
    {"bounded-staleness", Consistency::kBoundedStaleness},
    {"session", Consistency::kSession},
    {"consistent-prefix", Consistency::kConsistentPrefix},
    {"eventual", Consistency::kEventual},
};

constexpr Choice<ConflictPolicy> kConflicts[] = {
    {"last-writer-wins", ConflictPolicy::kLastWriterWins},
    {"custom", ConflictPolicy::kCustom},
    {"region-scoped", ConflictPolicy::kRegionScoped},
};

constexpr Choice<DataClass> kDataClasses[] = {
    {"personal", DataClass::kPersonal},
    {"non-personal", DataClass::kNonPersonal},
};

constexpr Choice<std::string_view> kBackups[] = {
    {"continuous-7d", "Continuous7Days"},
    {"continuous-30d", "Continuous30Days"},
    {"periodic", "Periodic"},
};

void read_ttl(BlockReader& r, Container& c) {
  const dsl::Node* n = r.attribute("ttl");
  if (!n) return;
  const dsl::Value& v = n->value;
  if (v.kind == dsl::ValueKind::kIdentifier && (v.text == "on" || v.text == "off")) {
    // `on`: items never expire unless they carry their own ttl. `off` is
    // the default, so it counts as not written: only a written duration of
    // zero is C006.
    c.ttl_seconds = {v.text == "on" ? -1 : 0, r.context().at(v.span), v.text == "on"};
    return;
  }
  if (auto seconds = read_duration_seconds(r.context(), v, "ttl")) {
    c.ttl_seconds = {*seconds, r.context().at(v.span), true};
  }
}

void read_container(BlockReader& r, Container& c) {
  const ReadContext& ctx = r.context();
  if (!r.string("partition", c.partition_key)) {
    bool written = false;
    for (const dsl::Node& n : r.node().body) written |= n.key == "partition";
    if (!written) {
      ctx.sink->report(Kind::MissingAttribute, c.location,
                       fmt::format("container `{}` needs `partition = \"/path\"`", c.name))
          .help = "multi-tenant containers usually partition on \"/tenantId\"";
    }
  }
  read_ttl(r, c);
  c.max_throughput.value = 4000;
  r.integer("max_ru", c.max_throughput, 0, 100000000);
  if (const dsl::Node* n = r.block("index")) {
    BlockReader ir(*n, ctx);
    ir.names("include", c.index_include);
    ir.names("exclude", c.index_exclude);
    ir.finish();
  }
  c.conflict.value = ConflictPolicy::kLastWriterWins;
  r.choice<ConflictPolicy>("conflict", c.conflict, kConflicts);
  c.conflict_path.value = "/_ts";
  r.string("conflict_path", c.conflict_path);
  read_data_class(r, c.data);
  auto procedures = r.blocks("procedure");
  for (size_t i = 0; i < procedures.size(); ++i) {
    const dsl::Node* n = procedures[i];
    auto label = single_label(ctx, *n, "procedure \"resolveConflict\" { body = \"function ...\" }");
    if (!label) continue;
    if (i > 0) {
      ctx.report(Kind::Duplicate, n->key_span, "a container has one conflict-resolution procedure");
      continue;
    }
    StoredProcedure p;
    p.name = *label;
    p.location = ctx.at(n->labels[0].span);
    BlockReader pr(*n, ctx);
    Sourced<std::string> body;
    if (pr.string("body", body)) {
      p.body = body.value;
    } else {
      ctx.sink->report(Kind::MissingAttribute, p.location,
                       fmt::format("procedure `{}` needs `body = \"function ...\"`", p.name));
    }
    pr.finish();
    c.procedure = std::move(p);
  }
  if (c.conflict.value == ConflictPolicy::kCustom && !c.procedure) {
    ctx.sink->report(Kind::MissingAttribute, c.conflict.location,
                     fmt::format("container `{}` has `conflict = custom` but no `procedure \"name\" "
                                 "{{ body = ... }}` to resolve conflicts",
                                 c.name));
  }
  if (c.procedure && c.conflict.value != ConflictPolicy::kCustom) {
    ctx.sink->report(Kind::InvalidValue, c.procedure->location,
                     fmt::format("procedure `{}` is only used with `conflict = custom`",
                                 c.procedure->name));
  }
}

}  // namespace

void read_data_class(BlockReader& r, Sourced<DataClass>& out) {
  out.value = DataClass::kPersonal;
  r.choice<DataClass>("data", out, kDataClasses);
}

void read_cosmos(BlockReader& r, Cosmos& cosmos, DeploymentMode mode) {
  const ReadContext& ctx = r.context();
  cosmos.location = r.where();
  r.name("database", cosmos.database);
  cosmos.consistency.value = Consistency::kSession;
  r.choice<Consistency>("consistency", cosmos.consistency, kConsistencies);
  // Valid for single- and multi-region accounts alike (see rule C002).
  cosmos.max_staleness_seconds.value = 300;
  cosmos.max_staleness_prefix.value = 100000;
  if (const dsl::Node* n = r.block("staleness")) {
    BlockReader sr(*n, ctx);
    sr.duration("interval", cosmos.max_staleness_seconds);
    sr.integer("prefix", cosmos.max_staleness_prefix, 0, 2147483647);
    sr.finish();
  }
  cosmos.multi_write.value = mode == DeploymentMode::kActiveActive;
  r.boolean("multi_write", cosmos.multi_write);
  cosmos.automatic_failover.value = true;
  r.boolean("automatic_failover", cosmos.automatic_failover);
  cosmos.backup.value = "Continuous7Days";
  Sourced<std::string_view> backup;
  if (r.choice<std::string_view>("backup", backup, kBackups)) {
    cosmos.backup = {std::string(backup.value), backup.location, true};
  }
  if (const dsl::Node* n = r.attribute("locations")) {
    if (n->value.kind != dsl::ValueKind::kList) {
      ctx.report(Kind::WrongValueType, n->value.span,
                 "`locations` expects a list like [westeurope, northeurope]");
    } else {
      for (const dsl::Value& v : n->value.items) {
        if (auto loc = read_location(ctx, v)) cosmos.locations.push_back({*loc, ctx.at(v.span), true});
      }
    }
  }
  DuplicateNames names(*ctx.sink, "first declared here");
  for (const dsl::Node* n : r.blocks("container")) {
    auto label = single_label(ctx, *n, "container \"items\" { partition = \"/tenantId\" }");
    if (!label) continue;
    Container c;
    c.name = *label;
    c.location = ctx.at(n->labels[0].span);
    BlockReader cr(*n, ctx);
    read_container(cr, c);
    cr.finish();
    names.declare(c.name, c.location,
                  [&] { return fmt::format("container `{}` is declared twice", c.name); });
    cosmos.containers.push_back(std::move(c));
  }
}

}  // namespace topoc::model

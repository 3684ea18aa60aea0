// `dns "zone" { record "name" { ... } }`: a public DNS zone and its record
// sets. What each value must look like (host names, addresses) is checked by
// rule dns_records (dns_records.cc), which also sees Front Door's records.
#include <fmt/format.h>

#include "compiler/model/build_parts.h"
#include "compiler/model/duplicate_names.h"

namespace topoc::model {
namespace {

using diag::Kind;

// azurerm v4.55.0 takes `ttl` as a plain number of seconds, unchecked; a DNS
// TTL is at most 2^31 - 1 seconds (RFC 2181 section 8).
constexpr int64_t kMaxTtl = 2147483647;

void read_record(BlockReader& r, DnsRecord& rec) {
  const ReadContext& ctx = r.context();
  if (r.duration("ttl", rec.ttl_seconds) && rec.ttl_seconds.value > kMaxTtl) {
    ctx.sink->report(Kind::OutOfRange, rec.ttl_seconds.location,
                     fmt::format("a record's `ttl` is at most {} seconds", kMaxTtl));
    rec.ttl_seconds.value = 3600;
  }
  r.names("a", rec.a);
  r.names("aaaa", rec.aaaa);
  r.names("txt", rec.txt);
  r.string("cname", rec.cname);
  if (rec.a.empty() && rec.aaaa.empty() && rec.txt.empty() && rec.cname.value.empty()) {
    ctx.sink->report(Kind::MissingAttribute, rec.location,
                     fmt::format("record `{}` sets no value: write `a = [\"<IPv4>\"]`, `aaaa = "
                                 "[...]`, `txt = [\"...\"]` or `cname = \"<host>\"`",
                                 rec.name));
  }
}

}  // namespace

void read_dns_zone(BlockReader& r, DnsZone& zone) {
  const ReadContext& ctx = r.context();
  DuplicateNames names(*ctx.sink, "first declared here");
  for (const dsl::Node* n : r.blocks("record")) {
    auto label = single_label(ctx, *n, "record \"www\" { a = [\"203.0.113.10\"] }");
    if (!label) continue;
    DnsRecord rec;
    rec.name = *label;
    rec.location = ctx.at(n->labels[0].span);
    BlockReader rr(*n, ctx);
    read_record(rr, rec);
    rr.finish();
    names.declare(rec.name, rec.location, [&] {
      return fmt::format("record `{}` is declared twice in zone `{}`; one block holds every "
                         "type at a name",
                         rec.name, zone.name);
    });
    zone.records.push_back(std::move(rec));
  }
}

}  // namespace topoc::model

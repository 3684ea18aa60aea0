// The records of `dns` zones (F011, M003, M007, M011): names Azure DNS
// accepts, addresses of the record's type, a CNAME alone at its name and
// never at the apex (RFC 1034 section 3.6.2; Azure DNS refuses a record set
// beside a CNAME: Learn, "Overview of DNS zones and records", CNAME
// records), TXT values of 1 to 4,096 characters (azurerm v4.55.0
// internal/services/dns/dns_txt_record_resource.go), and no record where a
// Front Door custom domain of the zone writes its own CNAME and `_dnsauth`
// TXT record.
#include <arpa/inet.h>
#include <fmt/format.h>

#include <map>
#include <string>

#include "compiler/rules/rules.h"
#include "compiler/services/dns/host_names.h"

namespace topoc::rules {
namespace {

using services::dns::host_name_problem;
using services::dns::record_name_problem;

bool is_address(int family, const std::string& text) {
  unsigned char buffer[16];
  return inet_pton(family, text.c_str(), buffer) == 1;
}

// Each value of one type: the address family it must parse as (0 for text),
// each once.
void check_values(const model::DnsRecord& rec, const std::vector<model::Sourced<std::string>>& values,
                  std::string_view type, int family, diag::DiagnosticSink& sink) {
  std::map<std::string, diag::Location> seen;
  for (const model::Sourced<std::string>& v : values) {
    if (family != 0 && !is_address(family, v.value)) {
      sink.report(diag::Kind::InvalidValue, v.location,
                  fmt::format("`{}` is not an {} address", v.value,
                              family == AF_INET ? "IPv4" : "IPv6"))
          .help = family == AF_INET ? "write the address like \"203.0.113.10\""
                                    : "write the address like \"2001:db8::10\"";
      continue;
    }
    if (family == 0 && (v.value.empty() || v.value.size() > 4096)) {
      sink.report(diag::Kind::OutOfRange, v.location,
                  fmt::format("a TXT value holds 1 to 4,096 characters; this one has {}",
                              v.value.size()));
      continue;
    }
    auto [it, fresh] = seen.emplace(v.value, v.location);
    if (!fresh) {
      sink.report(diag::Kind::Duplicate, v.location,
                  fmt::format("record `{}` lists the {} value `{}` twice", rec.name, type,
                              v.value))
          .notes.push_back({it->second, "first listed here"});
    }
  }
}

using RecordOwners = std::map<std::string, const model::FrontDoorDomain*>;

// The names Front Door's custom domains write, by zone: their CNAME and
// validation TXT records, by relative name.
std::map<std::string, RecordOwners> frontdoor_records(const model::Topology& t) {
  std::map<std::string, RecordOwners> out;
  if (!t.frontdoor) return out;
  for (const model::FrontDoorDomain& d : t.frontdoor->domains) {
    std::string name = d.relative_name();
    if (name.empty()) continue;
    RecordOwners& zone = out[d.zone.value];
    zone.emplace(name, &d);
    zone.emplace("_dnsauth." + name, &d);
  }
  return out;
}

void check_record(const model::DnsZone& zone,
                  const model::DnsRecord& rec,
                  const RecordOwners& frontdoor,
                  diag::DiagnosticSink& sink) {
  if (std::string why = record_name_problem(rec.name, zone.name); !why.empty()) {
    sink.report(diag::Kind::InvalidDomainName, rec.location,
                fmt::format("`{}` is not a valid record name in zone `{}`: {}", rec.name,
                            zone.name, why))
        .help = "write the name relative to the zone, like `status` for status." + zone.name;
    return;
  }
  if (auto it = frontdoor.find(rec.name); it != frontdoor.end()) {
    const model::FrontDoorDomain& d = *it->second;
    auto& diag = sink.report(
        diag::Kind::Duplicate, rec.location,
        fmt::format("Front Door's custom domain `{}` writes the {} record `{}` in zone `{}`",
                    d.host, rec.name.starts_with("_dnsauth.") ? "validation TXT" : "CNAME",
                    rec.name, zone.name));
    diag.notes.push_back({d.location, "the custom domain is declared here"});
    diag.help = "remove the record; topoc writes Front Door's records itself";
    return;
  }
  if (!rec.cname.value.empty()) {
    if (rec.name == "@") {
      sink.report(diag::Kind::InvalidValue, rec.cname.location,
                  fmt::format("a CNAME cannot go at the apex of zone `{}`: the apex holds the "
                              "zone's SOA and NS records",
                              zone.name))
          .help = "give the apex `a` or `aaaa` addresses, or put the CNAME on a name below it";
    } else if (!rec.a.empty() || !rec.aaaa.empty() || !rec.txt.empty()) {
      sink.report(diag::Kind::InvalidValue, rec.cname.location,
                  fmt::format("record `{}` has a CNAME and other records; a CNAME stands alone "
                              "at its name",
                              rec.name))
          .help = "keep either the `cname` or the `a`, `aaaa` and `txt` values";
    } else if (std::string why = host_name_problem(rec.cname.value); !why.empty()) {
      sink.report(diag::Kind::InvalidDomainName, rec.cname.location,
                  fmt::format("`{}` is not a host name a CNAME can point to: {}", rec.cname.value,
                              why))
          .help = "write the full host name, like `status.example.net`";
    }
  }
  check_values(rec, rec.a, "A", AF_INET, sink);
  check_values(rec, rec.aaaa, "AAAA", AF_INET6, sink);
  check_values(rec, rec.txt, "TXT", 0, sink);
}

}  // namespace

void dns_records(const model::Topology& t, diag::DiagnosticSink& sink) {
  const std::map<std::string, RecordOwners> frontdoor = frontdoor_records(t);
  const RecordOwners none;
  std::map<std::string, const model::DnsZone*> zones;
  for (const model::DnsZone& zone : t.dns_zones) {
    if (std::string why = host_name_problem(zone.name); !why.empty()) {
      sink.report(diag::Kind::InvalidDomainName, zone.location,
                  fmt::format("`{}` is not a valid DNS zone name: {}", zone.name, why))
          .help = "name the public zone, like `example.com`";
      continue;
    }
    auto [it, fresh] = zones.emplace(zone.name, &zone);
    if (!fresh) {
      sink.report(diag::Kind::Duplicate, zone.location,
                  fmt::format("zone `{}` is declared twice; one `dns` block holds its records",
                              zone.name))
          .notes.push_back({it->second->location, "first declared here"});
      continue;
    }
    auto owners = frontdoor.find(zone.name);
    for (const model::DnsRecord& rec : zone.records)
      check_record(zone, rec, owners == frontdoor.end() ? none : owners->second, sink);
  }
}

}  // namespace topoc::rules

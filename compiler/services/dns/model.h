// The model of `dns`: a public Azure DNS zone and the record sets topoc writes
// into it (dsl/README.md). Part of compiler/model/topology.h, which is what
// the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

// The record sets at one name: any of A, AAAA and TXT together, or a CNAME
// alone (a CNAME cannot share its name).
struct DnsRecord {
  std::string name;  // relative to the zone: "status.rag"; "@" for the apex
  Location location;
  Sourced<int64_t> ttl_seconds{3600};
  std::vector<Sourced<std::string>> a;     // IPv4 addresses
  std::vector<Sourced<std::string>> aaaa;  // IPv6 addresses
  std::vector<Sourced<std::string>> txt;   // text values
  Sourced<std::string> cname;              // a host name; empty = none

  // The name in full: "status.rag.company.com", or the zone for the apex.
  std::string fqdn(std::string_view zone) const {
    return name == "@" ? std::string(zone) : name + "." + std::string(zone);
  }
};

struct DnsZone {
  std::string name;  // company.com
  Location location;
  std::vector<DnsRecord> records;
};

}  // namespace topoc::model

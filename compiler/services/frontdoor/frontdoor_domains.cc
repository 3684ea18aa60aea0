// F011-F015: Front Door custom domains and the public DNS zones topoc writes
// their records into. Front Door validates a domain it manages the
// certificate of through a `_dnsauth.<name>` TXT record and serves it
// through a CNAME to the endpoint host name (azurerm v4.55.0
// website/docs/r/cdn_frontdoor_custom_domain.html.markdown).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "compiler/rules/rules.h"
#include "compiler/services/dns/host_names.h"

namespace topoc::rules {
namespace {

using services::dns::host_name_problem;

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

}  // namespace

void frontdoor_domain_names(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.frontdoor) return;
  std::map<std::string, const model::FrontDoorDomain*> seen;
  for (const model::FrontDoorDomain& d : t.frontdoor->domains) {
    if (std::string why = host_name_problem(d.host); !why.empty()) {
      sink.report(diag::Kind::InvalidDomainName, d.location,
                  fmt::format("`{}` is not a valid custom domain: {}", d.host, why))
          .help = "write the full host name clients use, like `api.example.com`";
      continue;
    }
    auto [it, fresh] = seen.emplace(d.host, &d);
    if (!fresh) {
      auto& diag = sink.report(diag::Kind::DomainDeclaredTwice, d.location,
                               fmt::format("custom domain `{}` is declared twice", d.host));
      diag.notes.push_back({it->second->location, "first declared here"});
      diag.help = "keep one `domain` block per host name; every route serves each domain";
      continue;
    }
    if (!d.zone.explicit_) continue;
    const std::string& zone = d.zone.value;
    if (std::string why = host_name_problem(zone); !why.empty()) {
      sink.report(diag::Kind::InvalidDomainName, d.zone.location,
                  fmt::format("`{}` is not a valid DNS zone name: {}", zone, why))
          .help = "name the public zone the domain belongs to, like `example.com`";
      continue;
    }
    if (d.host == zone) {
      sink.report(diag::Kind::ApexDomainNeedsAlias, d.location,
                  fmt::format("`{}` is the apex of zone `{}`, where DNS allows no CNAME record; "
                              "Front Door needs an alias record there, which topoc does not write",
                              d.host, zone))
          .help = fmt::format("serve a name under the zone, like `www.{}`, or drop `zone` and "
                              "create the apex records yourself",
                              zone);
    } else if (!ends_with(d.host, "." + zone)) {
      size_t dot = d.host.find('.');
      sink.report(diag::Kind::DomainOutsideZone, d.zone.location,
                  fmt::format("custom domain `{}` is not under zone `{}`; its records cannot go "
                              "there",
                              d.host, zone))
          .help = fmt::format("write `zone = \"{}\"`, the zone the domain belongs to",
                              d.host.substr(dot + 1));
    }
  }
}

void frontdoor_domain_certificates(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.frontdoor) return;
  for (const model::FrontDoorDomain& d : t.frontdoor->domains) {
    if (d.managed_certificate()) continue;
    sink.report(diag::Kind::KeyVaultCertificateUnsupported, d.certificate.location,
                fmt::format("custom domain `{}` takes its certificate from Key Vault (`{}`); "
                            "topoc does not yet deploy the Front Door secret and the vault "
                            "access that needs",
                            d.host, d.certificate.value))
        .help = "write `certificate = managed` and Front Door issues and renews the certificate";
  }
}

}  // namespace topoc::rules

// F011-F015: Front Door custom domains, their certificates, and the public
// DNS zones topoc writes their records into. Front Door validates every
// domain through a `_dnsauth.<name>` TXT record, whoever holds its
// certificate, and serves it through a CNAME to the endpoint host name
// (azurerm v4.55.0 website/docs/r/cdn_frontdoor_custom_domain.html.markdown;
// Learn: "Domains in Azure Front Door", domain validation).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "compiler/diag/suggest.h"
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

// A certificate Front Door serves from Key Vault lives in a vault topoc
// deploys: the `keyvault` of the region `vault` names. Front Door reads it
// with its profile's managed identity (Learn: "Use managed identities to
// access Azure Key Vault certificates"), through the vault's firewall as a
// trusted service (Learn: "Virtual network service endpoints for Azure Key
// Vault", Trusted services). A certificate's name in Key Vault is 1 to 127
// letters, digits and hyphens (Learn: "About keys, secrets, and
// certificates", object identifiers).
void frontdoor_domain_certificates(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.frontdoor) return;
  std::vector<std::string_view> vaults;
  std::vector<std::string_view> regions;
  for (const model::Region& r : t.regions) {
    regions.push_back(r.key);
    if (r.keyvault) vaults.push_back(r.key);
  }
  const std::string vault_help =
      vaults.empty() ? std::string(
                           "add `keyvault` to the `services` of a region, import the "
                           "certificate there and name that region in `vault`")
                     : fmt::format(
                           "write `vault = {}`, a region whose Key Vault holds the "
                           "certificate",
                           vaults.front());
  for (const model::FrontDoorDomain& d : t.frontdoor->domains) {
    if (d.managed_certificate()) {
      if (d.vault.explicit_) {
        sink.report(diag::Kind::MissingAttribute, d.vault.location,
                    fmt::format("custom domain `{}` names vault `{}` but no certificate in it; "
                                "its certificate is the one Front Door manages",
                                d.host, d.vault.value))
            .help =
            "write `certificate = \"<name>\"`, the certificate's name in that Key "
            "Vault, or drop `vault`";
      }
      continue;
    }
    const std::string& name = d.certificate.value;
    bool valid =
        !name.empty() && name.size() <= 127 && std::all_of(name.begin(), name.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-';
        });
    if (!valid) {
      sink.report(diag::Kind::InvalidValue, d.certificate.location,
                  fmt::format("`{}` is not a Key Vault certificate name: it is 1 to 127 letters, "
                              "digits and hyphens",
                              name))
          .help =
          "write the certificate's name as Key Vault lists it, like "
          "`certificate = \"api-example-com\"`, or `certificate = managed`";
      continue;
    }
    if (!d.vault.explicit_) {
      sink.report(diag::Kind::MissingAttribute, d.certificate.location,
                  fmt::format("custom domain `{}` takes certificate `{}` from Key Vault but does "
                              "not say which region's vault holds it",
                              d.host, name))
          .help = vault_help;
      continue;
    }
    const model::Region* region = t.find_region(d.vault.value);
    if (!region) {
      auto& diag = sink.report(diag::Kind::UnknownReference, d.vault.location,
                               fmt::format("`vault = {}` names no declared region{}", d.vault.value,
                                           diag::did_you_mean(d.vault.value, regions)));
      if (auto best = diag::closest(d.vault.value, regions)) {
        diag.fixit = diag::FixIt{d.vault.location, *best};
      }
      continue;
    }
    if (!region->keyvault) {
      sink.report(diag::Kind::CertificateVaultMissing, d.vault.location,
                  fmt::format("custom domain `{}` takes certificate `{}` from the Key Vault of "
                              "region `{}`, which runs no `keyvault`",
                              d.host, name, region->key))
          .help = vaults.empty() ? fmt::format(
                                       "add `keyvault` to the `services` of region `{}` and import "
                                       "the certificate there",
                                       region->key)
                                 : fmt::format(
                                       "name a region that runs `keyvault`, like `vault = {}`, or "
                                       "add `keyvault` to region `{}`",
                                       vaults.front(), region->key);
    }
  }
}

}  // namespace topoc::rules

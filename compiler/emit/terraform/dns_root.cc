// The environment root's call of the dns module: the zones it makes and its
// record sets by type, keyed by full name, all from the estate's DNS
// resources. Records in a zone of the frontdoor module's wait for it.
#include <fmt/format.h>

#include "compiler/emit/terraform/root_files.h"
#include "compiler/estate/add_resource.h"
#include "compiler/services/dns/zones.h"

namespace topoc::emit::terraform {
namespace {

using hcl::Body;
using hcl::Entry;
using hcl::Expr;
using nlohmann::json;

Expr strings(const json& values) {
  std::vector<std::string> out;
  for (const json& v : values) out.push_back(v.get<std::string>());
  return Expr::string_list(out);
}

}  // namespace

void dns_module(const Estate& e, Body& file) {
  std::vector<std::string> zones;
  std::vector<Entry> a, aaaa, cname, txt;
  for (const estate::Resource& r : e.resources) {
    if (!r.key.starts_with(services::dns::kModulePrefix)) continue;
    if (r.azurerm_type == "azurerm_dns_zone") {
      zones.push_back(r.name);
      continue;
    }
    const json& p = r.properties;
    std::vector<Entry> fields{{"zone", Expr::string(p.at("zone_name").get<std::string>())},
                              {"name", Expr::string(r.name)},
                              {"ttl", Expr::number(p.at("ttl").get<int64_t>())}};
    if (r.azurerm_type == "azurerm_dns_a_record" || r.azurerm_type == "azurerm_dns_aaaa_record") {
      fields.push_back({"records", strings(p.at("records"))});
      (r.azurerm_type == "azurerm_dns_a_record" ? a : aaaa)
          .push_back({estate::last_instance_key(r.key), Expr::object(std::move(fields))});
    } else if (r.azurerm_type == "azurerm_dns_cname_record") {
      fields.push_back({"record", Expr::string(p.at("record").get<std::string>())});
      cname.push_back({estate::last_instance_key(r.key), Expr::object(std::move(fields))});
    } else if (r.azurerm_type == "azurerm_dns_txt_record") {
      fields.push_back({"values", strings(p.at("record"))});
      txt.push_back({estate::last_instance_key(r.key), Expr::object(std::move(fields))});
    }
  }
  Body b;
  b.attribute("source", Expr::string("../../modules/global/dns"));
  b.blank();
  b.attribute("resource_group_name", Expr::raw("azurerm_resource_group.global.name"));
  if (!zones.empty()) b.attribute("zones", Expr::string_list(zones));
  auto records = [&](const char* name, std::vector<Entry>& entries) {
    if (!entries.empty()) b.attribute(name, Expr::object(std::move(entries)));
  };
  records("a_records", a);
  records("aaaa_records", aaaa);
  records("cname_records", cname);
  records("txt_records", txt);
  b.attribute("tags", Expr::raw("local.common_tags"));
  if (services::dns::dns_after_frontdoor(e)) {
    b.blank();
    b.comment("Some records go into zones the frontdoor module makes.");
    b.attribute("depends_on", Expr::raw("[module.frontdoor]"));
  }
  file.blank();
  file.block("module", {"dns"}, std::move(b));
}

}  // namespace topoc::emit::terraform

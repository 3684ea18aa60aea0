// A region's `app_service` block: App Service plans (Linux) and the web apps
// and function apps each runs. Values Azure refuses for reasons that depend
// on other values (the plan's tier against a site's kind or always-on, zone
// redundancy against the worker count, a runtime against the kind of site)
// are left to rules S080-S086; here only each value's own form is checked.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "compiler/model/build_parts.h"
#include "compiler/model/duplicate_names.h"

namespace topoc::model {
namespace {

using diag::Kind;

// The Linux plan sizes topoc deploys, as azurerm v4.55.0 spells them
// (internal/services/appservice/helpers/service_plan.go): Premium v3 and v4
// (memory optimised too) for web and function apps, Elastic Premium for
// function apps only.
constexpr Choice<std::string_view> kPlanSkus[] = {
    {"P0v3", "P0v3"},   {"P1v3", "P1v3"},   {"P2v3", "P2v3"},   {"P3v3", "P3v3"},
    {"P1mv3", "P1mv3"}, {"P2mv3", "P2mv3"}, {"P3mv3", "P3mv3"}, {"P4mv3", "P4mv3"},
    {"P5mv3", "P5mv3"}, {"P0v4", "P0v4"},   {"P1v4", "P1v4"},   {"P2v4", "P2v4"},
    {"P3v4", "P3v4"},   {"P1mv4", "P1mv4"}, {"P2mv4", "P2mv4"}, {"P3mv4", "P3mv4"},
    {"P4mv4", "P4mv4"}, {"P5mv4", "P5mv4"}, {"EP1", "EP1"},     {"EP2", "EP2"},
    {"EP3", "EP3"},
};

// azurerm's `minimum_tls_version` also takes 1.0 and 1.1; topoc deploys
// nothing below TLS 1.2.
constexpr std::array<std::string_view, 2> kTlsVersions = {"1.2", "1.3"};

// App setting names: letters, digits, `_`, `.` and `-` (Linux apps see them
// as environment variables, where `.` and `-` become `_`).
bool setting_name_valid(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
  });
}

// Key Vault secret names: 1-127 letters, digits and `-`.
bool secret_name_valid(std::string_view name) {
  return !name.empty() && name.size() <= 127 && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
  });
}

void read_settings(const ReadContext& ctx, const dsl::Node& block, bool secrets,
                   std::vector<AppSetting>& out) {
  expect_no_labels(ctx, block);
  DuplicateNames seen(*ctx.sink, "first set here");
  for (const dsl::Node& n : block.body) {
    if (n.is_block || n.value.kind == dsl::ValueKind::kList) {
      ctx.report(Kind::WrongValueType, n.key_span,
                 fmt::format("setting `{}` must be `{} = \"{}\"`", n.key, n.key,
                             secrets ? "secret-name" : "value"));
      continue;
    }
    auto value = read_name(ctx, n.value, n.key);
    if (!value) continue;
    if (!setting_name_valid(n.key)) {
      ctx.report(Kind::InvalidValue, n.key_span,
                 fmt::format("app setting name `{}` may hold only letters, digits, `_`, `.` and "
                             "`-`",
                             n.key));
      continue;
    }
    if (secrets && !secret_name_valid(*value)) {
      ctx.report(Kind::InvalidValue, n.value.span,
                 fmt::format("`{}` is not a Key Vault secret name: 1-127 letters, digits and `-`",
                             *value));
      continue;
    }
    seen.declare(n.key, ctx.at(n.key_span),
                 [&] { return fmt::format("app setting `{}` is set twice", n.key); });
    out.push_back({n.key, ctx.at(n.key_span), *value});
  }
}

void read_site(BlockReader& r, Site& site) {
  const ReadContext& ctx = r.context();
  Sourced<std::string> runtime;
  if (r.string("runtime", runtime)) {
    auto space = runtime.value.find(' ');
    if (space == std::string::npos || space == 0 || space + 1 == runtime.value.size()) {
      ctx.sink->report(Kind::InvalidValue, runtime.location,
                       fmt::format("`runtime` is a language and its version, like \"python "
                                   "3.11\" or \"node 20\", not \"{}\"",
                                   runtime.value));
    } else {
      site.runtime = {runtime.value.substr(0, space), runtime.location, true};
      site.runtime_version = {runtime.value.substr(space + 1), runtime.location, true};
    }
  }
  r.boolean("always_on", site.always_on);
  r.boolean("https_only", site.https_only);
  r.boolean("http2", site.http2);
  if (r.string("min_tls", site.min_tls) && std::find(kTlsVersions.begin(), kTlsVersions.end(),
                                                     site.min_tls.value) == kTlsVersions.end()) {
    ctx.sink->report(
        Kind::InvalidValue, site.min_tls.location,
        fmt::format("`min_tls` is \"1.2\" or \"1.3\", not \"{}\"", site.min_tls.value));
    site.min_tls = {"1.2", {}, false};
  }
  r.string("health_check", site.health_check_path);
  Sourced<int64_t> eviction;
  if (r.duration("eviction", eviction)) {
    // azurerm v4.55.0 `health_check_eviction_time_in_min`: 2 to 10 minutes.
    if (eviction.value % 60 != 0 || eviction.value < 120 || eviction.value > 600) {
      ctx.sink->report(Kind::OutOfRange, eviction.location,
                       "`eviction` must be a whole number of minutes from 2m to 10m");
    } else {
      site.eviction_minutes = {eviction.value / 60, eviction.location, true};
    }
  }
  if (const dsl::Node* list = r.attribute("cors")) {
    if (list->value.kind != dsl::ValueKind::kList) {
      ctx.report(Kind::WrongValueType, list->value.span,
                 "`cors` expects a list of origins like [\"https://example.com\"]");
    } else {
      for (const dsl::Value& v : list->value.items) {
        if (auto origin = read_name(ctx, v, "cors")) {
          site.cors.push_back({*origin, ctx.at(v.span), true});
        }
      }
    }
  }
  if (const dsl::Node* n = r.block("settings")) read_settings(ctx, *n, false, site.settings);
  if (const dsl::Node* n = r.block("secrets")) read_settings(ctx, *n, true, site.secrets);
}

void read_plan(BlockReader& r, AppServicePlan& plan, DuplicateNames& site_names,
               std::vector<std::string>& seen_sites) {
  const ReadContext& ctx = r.context();
  Sourced<std::string_view> sku;
  if (r.choice<std::string_view>("sku", sku, kPlanSkus)) {
    plan.sku = {std::string(sku.value), sku.location, true};
  }
  // azurerm v4.55.0 `worker_count`: at least 1.
  r.integer("workers", plan.workers, 1, 100);
  r.boolean("zone_redundant", plan.zone_redundant);
  auto read_sites = [&](std::string_view key, SiteKind kind, std::string_view example) {
    for (const dsl::Node* n : r.blocks(key)) {
      auto label = single_label(ctx, *n, example);
      if (!label) continue;
      Site site;
      site.kind = kind;
      site.name = *label;
      site.location = ctx.at(n->labels[0].span);
      site.https_only.value = true;
      site.http2.value = false;
      site.min_tls.value = "1.2";
      site.eviction_minutes.value = 10;
      site.always_on.value = !plan.elastic();
      BlockReader sr(*n, ctx);
      read_site(sr, site);
      sr.finish();
      bool first = std::find(seen_sites.begin(), seen_sites.end(), site.name) == seen_sites.end();
      site_names.declare(site.name, site.location, [&] {
        return fmt::format("site `{}` is declared twice in the region", site.name);
      });
      if (!first) continue;
      seen_sites.push_back(site.name);
      plan.sites.push_back(std::move(site));
    }
  };
  read_sites("web", SiteKind::kWeb, "web \"portal\" { runtime = \"python 3.11\" }");
  read_sites("function", SiteKind::kFunction, "function \"jobs\" { runtime = \"python 3.11\" }");
}

}  // namespace

void read_app_service(BlockReader& r, AppService& out) {
  const ReadContext& ctx = r.context();
  out.location = r.where();
  DuplicateNames plan_names(*ctx.sink, "first declared here");
  DuplicateNames site_names(*ctx.sink, "first declared here");
  std::vector<std::string> seen_sites;
  for (const dsl::Node* n : r.blocks("plan")) {
    auto label = single_label(ctx, *n, "plan \"web\" { sku = P1v3  workers = 3 }");
    if (!label) continue;
    AppServicePlan plan;
    plan.name = *label;
    plan.location = ctx.at(n->labels[0].span);
    plan.sku.value = "P1v3";
    plan.workers.value = 1;
    plan.zone_redundant.value = false;
    // The tier decides the sites' default always-on, so it is read first.
    BlockReader pr(*n, ctx);
    read_plan(pr, plan, site_names, seen_sites);
    pr.finish();
    bool first = std::none_of(out.plans.begin(), out.plans.end(),
                              [&](const AppServicePlan& p) { return p.name == plan.name; });
    plan_names.declare(plan.name, plan.location,
                       [&] { return fmt::format("plan `{}` is declared twice", plan.name); });
    if (first) out.plans.push_back(std::move(plan));
  }
}

}  // namespace topoc::model

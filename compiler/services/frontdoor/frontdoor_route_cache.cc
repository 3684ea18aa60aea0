// F017, F018: what a route's `cache` block combines. azurerm v4.55.0
// (internal/services/cdn/cdn_frontdoor_route_resource.go) sends
// `query_strings` to Azure as one comma-separated `queryParameters` string,
// so a name may not hold a comma, and it validates each of
// `content_types_to_compress` against the list below
// (cdn_frontdoor_helpers.go, frontDoorContentTypes).
#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "compiler/diag/suggest.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

constexpr std::string_view kCompressible[] = {
    "application/eot",
    "application/font",
    "application/font-sfnt",
    "application/javascript",
    "application/json",
    "application/opentype",
    "application/otf",
    "application/pkcs7-mime",
    "application/truetype",
    "application/ttf",
    "application/vnd.ms-fontobject",
    "application/xhtml+xml",
    "application/xml",
    "application/xml+rss",
    "application/x-font-opentype",
    "application/x-font-truetype",
    "application/x-font-ttf",
    "application/x-httpd-cgi",
    "application/x-mpegurl",
    "application/x-opentype",
    "application/x-otf",
    "application/x-perl",
    "application/x-ttf",
    "application/x-javascript",
    "font/eot",
    "font/ttf",
    "font/otf",
    "font/opentype",
    "image/svg+xml",
    "text/css",
    "text/csv",
    "text/html",
    "text/javascript",
    "text/js",
    "text/plain",
    "text/richtext",
    "text/tab-separated-values",
    "text/xml",
    "text/x-script",
    "text/x-component",
    "text/x-java-source",
};

const char* dsl_word(model::QueryStringCaching q) {
  switch (q) {
    case model::QueryStringCaching::kIgnore:
      return "ignore";
    case model::QueryStringCaching::kUse:
      return "use";
    case model::QueryStringCaching::kIgnoreSpecified:
      return "ignore-specified";
    case model::QueryStringCaching::kIncludeSpecified:
      return "include-specified";
  }
  return "";
}

void check_query_strings(const model::FrontDoorRoute& r, const model::FrontDoorCache& c,
                         diag::DiagnosticSink& sink) {
  const char* behaviour = dsl_word(c.query_string.value);
  if (c.names_query_strings() && c.query_strings.empty()) {
    auto& d =
        sink.report(diag::Kind::CacheQueryStringsMismatch, c.query_string.location,
                    fmt::format("`query_string = {}` on route `{}` names no query string; list the "
                                "parameters in `query_strings`",
                                behaviour, r.name));
    d.help = fmt::format("add `query_strings = [\"v\"]` with the parameters to {}",
                         c.query_string.value == model::QueryStringCaching::kIncludeSpecified
                             ? "keep in the cache key"
                             : "leave out of the cache key");
    return;
  }
  if (!c.names_query_strings() && !c.query_strings.empty()) {
    auto& d =
        sink.report(diag::Kind::CacheQueryStringsMismatch, c.query_strings.front().location,
                    fmt::format("`query_strings` on route `{}` is read only with `query_string = "
                                "include-specified` or `ignore-specified`, not `{}`",
                                r.name, behaviour));
    if (c.query_string.explicit_)
      d.notes.push_back({c.query_string.location, "behaviour set here"});
    d.help =
        "write `query_string = include-specified` to cache by these parameters alone, or "
        "remove `query_strings`";
  }
  for (const auto& q : c.query_strings) {
    if (q.value.empty() || q.value.find(',') != std::string::npos) {
      sink.report(diag::Kind::CacheQueryStringsMismatch, q.location,
                  fmt::format("query string `{}` is not one parameter name; Azure keeps the list "
                              "comma-separated, so write each name as its own string",
                              q.value));
    }
  }
}

void check_compression(const model::FrontDoorRoute& r, const model::FrontDoorCache& c,
                       diag::DiagnosticSink& sink) {
  if (c.compression.value && c.content_types.empty()) {
    auto& d = sink.report(diag::Kind::CacheCompressionMismatch, c.compression.location,
                          fmt::format("`compression = true` on route `{}` lists no content "
                                      "types to compress; add `content_types`",
                                      r.name));
    d.help =
        "list the MIME types to compress, such as `content_types = [\"text/html\", "
        "\"text/css\", \"application/javascript\"]`";
  } else if (!c.compression.value && !c.content_types.empty()) {
    auto& d = sink.report(diag::Kind::CacheCompressionMismatch, c.content_types.front().location,
                          fmt::format("`content_types` on route `{}` compress nothing without "
                                      "`compression = true`",
                                      r.name));
    d.help = "write `compression = true`, or remove `content_types`";
  }
  for (const auto& type : c.content_types) {
    if (std::find(std::begin(kCompressible), std::end(kCompressible), type.value) !=
        std::end(kCompressible)) {
      continue;
    }
    auto& d = sink.report(diag::Kind::CacheCompressionMismatch, type.location,
                          fmt::format("Front Door does not compress content type `{}`{}",
                                      type.value, diag::did_you_mean(type.value, kCompressible)));
    d.help = "docs/rules.md (F018) lists the content types Front Door compresses";
  }
}

}  // namespace

void frontdoor_route_cache(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (!t.frontdoor) return;
  for (const model::FrontDoorRoute& r : t.frontdoor->routes) {
    if (!r.cache) continue;
    check_query_strings(r, *r.cache, sink);
    check_compression(r, *r.cache, sink);
  }
}

}  // namespace topoc::rules

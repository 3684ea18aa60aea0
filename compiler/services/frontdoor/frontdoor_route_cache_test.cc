// A route's `cache` block: query-string behaviour and its list (F017),
// compression and its content types (F018).
#include <gtest/gtest.h>

#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// One EU region behind Front Door and no tenant, so caching breaks no
// boundary; the route's `cache` block body starts on line 10.
std::string cached_route(std::string_view cache_body) {
  return fmt::format(
      "topology \"t\" {{\n"
      "  boundary \"eu\" {{ geography = eu-data-boundary }}\n"
      "  region \"weu\" {{ location = westeurope  boundary = eu  failover = northeurope  "
      "address = 10.2.0.0/16  aks {{}} }}\n"
      "  frontdoor {{\n"
      "    unrouted = eu\n"
      "    route \"assets\" {{\n"
      "      patterns = [\"/static/*\"]\n"
      "      cache {{\n"
      "        # settings\n"
      "{}"
      "      }}\n"
      "    }}\n"
      "  }}\n"
      "}}\n",
      cache_body);
}

TEST(FrontDoorRouteCache, AnEmptyCacheBlockCachesIgnoringTheQueryString) {
  auto result = check_text(cached_route(""));
  EXPECT_EQ(0u, result.sink.diagnostics().size());
  const model::FrontDoorRoute& r = result.models.front()->frontdoor->routes.front();
  ASSERT_TRUE(r.cache.has_value());
  EXPECT_EQ(model::QueryStringCaching::kIgnore, r.cache->query_string.value);
  EXPECT_FALSE(r.cache->compression.value);
  EXPECT_EQ(model::DataClass::kPersonal, r.data.value);
}

TEST(FrontDoorRouteCache, ListedParametersWithASpecifiedBehaviourPass) {
  EXPECT_EQ(Lines{}, diagnostics_of(cached_route(
                         "        query_string  = include-specified\n"
                         "        query_strings = [\"v\", \"lang\"]\n"
                         "        compression   = true\n"
                         "        content_types = [\"text/css\", \"application/javascript\"]\n")));
}

TEST(FrontDoorRouteCache, SpecifiedBehaviourWithoutParametersIsF017) {
  EXPECT_EQ(Lines{"F017 10:24 `query_string = include-specified` on route `assets` names no "
                  "query string; list the parameters in `query_strings`"},
            diagnostics_of(cached_route("        query_string = include-specified\n")));
}

TEST(FrontDoorRouteCache, ParametersWithABehaviourThatReadsNoneAreF017) {
  auto result =
      check_text(cached_route("        query_string  = use\n"
                              "        query_strings = [\"v\"]\n"));
  ASSERT_EQ(1u, result.sink.diagnostics().size());
  const diag::Diagnostic& d = result.sink.diagnostics()[0];
  EXPECT_EQ("F017", std::string(diag::info(d.kind).code));
  EXPECT_EQ(
      "`query_strings` on route `assets` is read only with `query_string = include-specified` or "
      "`ignore-specified`, not `use`",
      d.message);
  EXPECT_EQ(Lines{"10:25 behaviour set here"}, notes_of(result, d));
}

TEST(FrontDoorRouteCache, AParameterNameWithACommaIsF017) {
  EXPECT_EQ(Lines{"F017 11:26 query string `v,lang` is not one parameter name; Azure keeps the "
                  "list comma-separated, so write each name as its own string"},
            diagnostics_of(cached_route("        query_string  = ignore-specified\n"
                                        "        query_strings = [\"v,lang\"]\n")));
}

TEST(FrontDoorRouteCache, CompressionWithoutContentTypesIsF018) {
  EXPECT_EQ(Lines{"F018 10:23 `compression = true` on route `assets` lists no content types to "
                  "compress; add `content_types`"},
            diagnostics_of(cached_route("        compression = true\n")));
}

TEST(FrontDoorRouteCache, ContentTypesWithoutCompressionAreF018) {
  EXPECT_EQ(Lines{"F018 10:26 `content_types` on route `assets` compress nothing without "
                  "`compression = true`"},
            diagnostics_of(cached_route("        content_types = [\"text/css\"]\n")));
}

TEST(FrontDoorRouteCache, AContentTypeFrontDoorDoesNotCompressSuggestsTheClosest) {
  EXPECT_EQ(Lines{"F018 11:26 Front Door does not compress content type `text/htm`; did you mean "
                  "`text/html`?"},
            diagnostics_of(cached_route("        compression   = true\n"
                                        "        content_types = [\"text/htm\"]\n")));
}

TEST(FrontDoorRouteCache, AnUnknownBehaviourIsReportedByTheReader) {
  auto codes = codes_of(cached_route("        query_string = everything\n"));
  ASSERT_EQ(1u, codes.size());
  EXPECT_NE("F017", codes[0]);
}

}  // namespace
}  // namespace topoc::testing

// Action groups and webhook receivers: M030-M033, and which groups an alert
// notifies.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>

#include "compiler/estate/estate.h"
#include "compiler/rules/residency_test_support.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// One region with Cosmos DB; the `alerts` body starts on line 7.
std::string with_alerts(std::string_view body) {
  return fmt::format(R"(topology "t" {{
  boundary "us" {{ geography = united-states }}
  region "east" {{ location = eastus  failover = westus  address = 10.1.0.0/16 }}
  cosmos {{}}
  alerts {{
    email = "oncall@example.com"
{}  }}
}}
)",
                     body);
}

TEST(ReceiverName, MustKeyTheTreeInputs) {
  EXPECT_EQ(Lines{"M030 7:13 webhook receiver name `On Call` is not lowercase letters, digits and "
                  "`-` starting with a letter"},
            diagnostics_of(with_alerts("    webhook \"On Call\" { kind = pagerduty }\n"
                                       "    webhooks = [\"On Call\"]\n")));
  EXPECT_EQ(Lines{"M030 7:11 group name `9pager` is not lowercase letters, digits and `-` "
                  "starting with a letter"},
            diagnostics_of(with_alerts("    group \"9pager\" { email = \"p@example.com\" }\n")));
  EXPECT_EQ(Lines{}, diagnostics_of(with_alerts("    webhook \"on-call-2\" { kind = teams }\n"
                                                "    webhooks = [on-call-2]\n")));
}

TEST(UnknownActionTarget, AlertNamesAGroupNotDeclared) {
  std::string text = with_alerts(
      "    group \"pager\" { email = \"p@example.com\" }\n"
      "    alert \"lag\" {\n"
      "      metric = cosmos.replication_latency\n"
      "      above  = 500ms\n"
      "      notify = [pagr]\n"
      "    }\n");
  EXPECT_EQ(Lines{"M031 11:17 no action group `pagr` in `alerts`; did you mean `pager`?"},
            diagnostics_of(text));
  auto result = check_text(text);
  const diag::Diagnostic& d = result.sink.diagnostics().at(0);
  ASSERT_TRUE(d.fixit);
  EXPECT_EQ("pager", d.fixit->replacement);
  EXPECT_EQ(Lines{}, diagnostics_of(replaced(text, "[pagr]", "[default, pager]")));
}

TEST(UnknownActionTarget, GroupNamesAWebhookNotDeclared) {
  EXPECT_EQ(Lines{"M031 7:33 no webhook receiver `pagerduty` in `alerts`"},
            diagnostics_of(with_alerts("    group \"pager\" { webhooks = [pagerduty] }\n")));
}

TEST(EmptyActionGroup, NeedsAReceiver) {
  EXPECT_EQ(Lines{"M032 7:11 action group `pager` has no receiver"},
            diagnostics_of(with_alerts("    group \"pager\" { max_severity = 1 }\n")));
}

TEST(UnusedWebhook, IsAWarning) {
  auto result = check_text(with_alerts("    webhook \"teams\" { kind = teams }\n"));
  EXPECT_EQ(0u, result.sink.error_count());
  EXPECT_EQ(Lines{"M033 7:13 no action group sends to webhook receiver `teams`"},
            diagnostics_of(with_alerts("    webhook \"teams\" { kind = teams }\n")));
}

TEST(DefaultGroup, CannotBeDeclared) {
  EXPECT_EQ(Lines{"M003 7:11 group `default` is the `alerts` block's own (its `email` and "
                  "`webhooks`); name this group differently"},
            diagnostics_of(with_alerts("    group \"default\" { email = \"p@example.com\" }\n")));
}

// The groups each metric alert notifies, by alert name.
std::map<std::string, std::vector<std::string>> routes(std::string_view body) {
  auto result = check_text(with_alerts(body));
  EXPECT_EQ(0u, result.sink.error_count());
  estate::Estate e = estate::build_estate(*result.models.at(0), {});
  std::map<std::string, std::vector<std::string>> out;
  for (const estate::AlertInstance& a : e.alerts) out[a.alert->name] = a.groups;
  return out;
}

TEST(AlertRouting, BySeverityUnlessTheAlertNamesGroups) {
  auto r = routes(
      "    webhook \"pagerduty\" { kind = pagerduty }\n"
      "    group \"pager\" {\n"
      "      webhooks     = [pagerduty]\n"
      "      max_severity = 1\n"
      "    }\n"
      "    group \"chat\" { email = \"chat@example.com\" }\n"
      "    alert \"availability\" {\n"
      "      metric   = cosmos.availability\n"
      "      below    = 99.9%\n"
      "      window   = 1h\n"
      "      severity = 1\n"
      "    }\n"
      "    alert \"ru\" {\n"
      "      metric = cosmos.normalized_ru\n"
      "      above  = 90%\n"
      "      notify = [chat]\n"
      "    }\n");
  using Groups = std::vector<std::string>;
  EXPECT_EQ((Groups{"default", "pager", "chat"}), r.at("availability"));
  EXPECT_EQ((Groups{"default", "chat"}), r.at("cosmos-replication-lag"));  // severity 2
  EXPECT_EQ((Groups{"chat"}), r.at("ru"));
}

}  // namespace
}  // namespace topoc::testing

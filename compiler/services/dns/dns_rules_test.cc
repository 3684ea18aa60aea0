// Public DNS zones: what a record may hold (F011, M003, M005, M007, M011),
// records beside Front Door's own, and the resources the dns module plans.
#include <gtest/gtest.h>

#include "tests/estate_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// One region and a zone `example.com` whose records start on line 5;
// `frontdoor` (a block) goes after the zone.
std::string with_records(std::string_view records, std::string_view frontdoor = "") {
  return fmt::format(R"(topology "t" {{
  boundary "eu" {{ geography = eu-data-boundary }}
  region "eu" {{ location = westeurope  boundary = eu  address = 10.2.0.0/16  services = [] }}
  dns "example.com" {{
{}  }}
{}}}
)",
                     records, frontdoor);
}

constexpr std::string_view kFrontDoor =
    "  frontdoor {\n"
    "    domain \"api.example.com\" { zone = \"example.com\" }\n"
    "  }\n";

TEST(DnsRecords, EveryKindOfRecordPasses) {
  EXPECT_EQ(Lines{}, diagnostics_of(with_records(
                         "    record \"status\" { a = [\"203.0.113.10\", \"203.0.113.11\"]  "
                         "aaaa = [\"2001:db8::10\"]  ttl = 5m }\n"
                         "    record \"www\" { cname = \"status.example.net\" }\n"
                         "    record \"@\" { a = [\"203.0.113.12\"]  txt = [\"v=spf1 -all\"] }\n"
                         "    record \"_dmarc\" { txt = [\"v=DMARC1; p=reject\"] }\n")));
}

TEST(DnsRecords, TheModulePlansTheZoneAndOneResourcePerType) {
  driver::CheckResult result;
  estate::Estate e = estate_of(
      with_records("    record \"status\" { a = [\"203.0.113.10\"]  aaaa = [\"2001:db8::10\"]  "
                   "ttl = 5m }\n"
                   "    record \"@\" { txt = [\"v=spf1 -all\"] }\n"
                   "    record \"www\" { cname = \"status.example.net\" }\n"),
      result);
  const estate::Resource* zone = find_resource(e, "module.dns.azurerm_dns_zone.this[\"example.com\"]");
  ASSERT_NE(nullptr, zone);
  EXPECT_EQ("example.com", zone->name);
  EXPECT_EQ("Microsoft.Network/dnsZones", zone->arm_type);
  EXPECT_TRUE(zone->placements.empty());
  const estate::Resource* a =
      find_resource(e, "module.dns.azurerm_dns_a_record.this[\"status.example.com\"]");
  ASSERT_NE(nullptr, a);
  EXPECT_EQ("status", a->name);
  EXPECT_EQ(300, a->properties["ttl"]);
  EXPECT_EQ(nlohmann::json::array({"203.0.113.10"}), a->properties["records"]);
  EXPECT_EQ(std::vector<std::string>{zone->key}, a->depends_on);
  EXPECT_NE(nullptr, find_resource(e, "module.dns.azurerm_dns_aaaa_record.this[\"status.example.com\"]"));
  const estate::Resource* txt = find_resource(e, "module.dns.azurerm_dns_txt_record.this[\"example.com\"]");
  ASSERT_NE(nullptr, txt);
  EXPECT_EQ("@", txt->name);
  EXPECT_EQ(3600, txt->properties["ttl"]);
  const estate::Resource* cname =
      find_resource(e, "module.dns.azurerm_dns_cname_record.this[\"www.example.com\"]");
  ASSERT_NE(nullptr, cname);
  EXPECT_EQ("status.example.net", cname->properties["record"]);
}

TEST(DnsRecords, AZoneOfFrontDoorsGetsOnlyTheRecords) {
  driver::CheckResult result;
  estate::Estate e =
      estate_of(with_records("    record \"status\" { a = [\"203.0.113.10\"] }\n", kFrontDoor),
                result);
  EXPECT_TRUE(result.sink.diagnostics().empty());
  EXPECT_EQ(nullptr, find_resource(e, "module.dns.azurerm_dns_zone.this[\"example.com\"]"));
  const estate::Resource* a =
      find_resource(e, "module.dns.azurerm_dns_a_record.this[\"status.example.com\"]");
  ASSERT_NE(nullptr, a);
  EXPECT_EQ(std::vector<std::string>{"module.frontdoor.azurerm_dns_zone.this[\"example.com\"]"},
            a->depends_on);
}

// F011

TEST(DnsRecords, InvalidNames) {
  EXPECT_EQ(
      (Lines{"F011 5:12 `Status` is not a valid record name in zone `example.com`: write it in "
             "lowercase",
             "F011 6:12 `a..b` is not a valid record name in zone `example.com`: it has an empty "
             "label (`..`)",
             "F011 7:12 `*.x` is not a valid record name in zone `example.com`: wildcard records "
             "are not supported; name each host",
             "F011 8:30 `not a host` is not a host name a CNAME can point to: ` ` is not a "
             "letter, digit or hyphen"}),
      diagnostics_of(with_records("    record \"Status\" { a = [\"203.0.113.10\"] }\n"
                                  "    record \"a..b\" { a = [\"203.0.113.10\"] }\n"
                                  "    record \"*.x\" { a = [\"203.0.113.10\"] }\n"
                                  "    record \"alias\" { cname = \"not a host\" }\n")));
  std::string text = with_records("    record \"x\" { a = [\"203.0.113.10\"] }\n");
  text.replace(text.find("\"example.com\""), 13, "\"example\"");
  EXPECT_EQ(Lines{"F011 4:7 `example` is not a valid DNS zone name: a domain has at least two "
                  "labels, like `example.com`"},
            diagnostics_of(text));
}

// M007

TEST(DnsRecords, ACnameStandsAloneAndNeverAtTheApex) {
  EXPECT_EQ(
      (Lines{"M007 5:50 record `www` has a CNAME and other records; a CNAME stands alone at its "
             "name",
             "M007 6:26 a CNAME cannot go at the apex of zone `example.com`: the apex holds the "
             "zone's SOA and NS records"}),
      diagnostics_of(with_records(
          "    record \"www\" { a = [\"203.0.113.10\"]  cname = \"example.net\" }\n"
          "    record \"@\" { cname = \"example.net\" }\n")));
}

TEST(DnsRecords, AddressesOfTheRecordsType) {
  EXPECT_EQ((Lines{"M007 5:23 `20.x.x.x` is not an IPv4 address",
                   "M007 6:26 `203.0.113.10` is not an IPv6 address",
                   "M003 7:39 record `c` lists the A value `203.0.113.10` twice"}),
            diagnostics_of(with_records(
                "    record \"a\" { a = [\"20.x.x.x\"] }\n"
                "    record \"b\" { aaaa = [\"203.0.113.10\"] }\n"
                "    record \"c\" { a = [\"203.0.113.10\", \"203.0.113.10\"] }\n")));
}

// M005, M003, M011

TEST(DnsRecords, ARecordWithNoValue) {
  EXPECT_EQ(Lines{"M005 5:12 record `x` sets no value: write `a = [\"<IPv4>\"]`, `aaaa = [...]`, "
                  "`txt = [\"...\"]` or `cname = \"<host>\"`"},
            diagnostics_of(with_records("    record \"x\" { ttl = 1m }\n")));
}

TEST(DnsRecords, NamesAndZonesOnce) {
  EXPECT_EQ(Lines{"M003 6:12 record `x` is declared twice in zone `example.com`; one block holds "
                  "every type at a name"},
            diagnostics_of(with_records("    record \"x\" { a = [\"203.0.113.10\"] }\n"
                                        "    record \"x\" { txt = [\"hello\"] }\n")));
  EXPECT_EQ(Lines{"M003 7:7 zone `example.com` is declared twice; one `dns` block holds its "
                  "records"},
            diagnostics_of(with_records("    record \"x\" { a = [\"203.0.113.10\"] }\n",
                                        "  dns \"example.com\" {}\n")));
}

TEST(DnsRecords, TextAndTtlWithinAzuresLimits) {
  std::string long_text(4097, 'x');
  EXPECT_EQ((Lines{"M011 5:25 a TXT value holds 1 to 4,096 characters; this one has 4097",
                   "M011 6:25 a TXT value holds 1 to 4,096 characters; this one has 0",
                   "M011 7:37 a record's `ttl` is at most 2147483647 seconds"}),
            diagnostics_of(with_records(
                fmt::format("    record \"a\" {{ txt = [\"{}\"] }}\n"
                            "    record \"b\" {{ txt = [\"\"] }}\n"
                            "    record \"c\" {{ txt = [\"x\"]  ttl = 100000d }}\n",
                            long_text))));
}

TEST(DnsRecords, NoRecordWhereFrontDoorWritesItsOwn) {
  EXPECT_EQ(
      (Lines{"M003 5:12 Front Door's custom domain `api.example.com` writes the CNAME record "
             "`api` in zone `example.com`",
             "M003 6:12 Front Door's custom domain `api.example.com` writes the validation TXT "
             "record `_dnsauth.api` in zone `example.com`"}),
      diagnostics_of(with_records("    record \"api\" { a = [\"203.0.113.10\"] }\n"
                                  "    record \"_dnsauth.api\" { txt = [\"token\"] }\n",
                                  kFrontDoor)));
}

}  // namespace
}  // namespace topoc::testing

// Well-formed JSON of the wrong shape, in each of the four input formats and
// for each field the readers use: an error with a JSON pointer to the bad
// value, never an estate that reads as in sync or as missing. Also resources
// listed twice, and names with characters JSON writes escaped.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

#include "compiler/drift/desired_state.h"
#include "compiler/drift/findings.h"
#include "compiler/drift/readers.h"

namespace topoc::drift {
namespace reader_shapes_test {

std::string read_error(const std::string& text) {
  DeployedState state;
  auto error = read_state_text("input.json", text, StateFormat::kAuto, state);
  return error ? to_string(*error) : "(read without error)";
}

std::string expected(std::string_view pointer, std::string_view message) {
  return fmt::format("`input.json` at `{}`: {}", pointer, message);
}

// A `show -json` state of one resource whose fields are `fields`.
std::string show(std::string_view fields) {
  return fmt::format(R"({{"format_version": "1.0", "values": {{"root_module": {{"resources": [
    {{"address": "azurerm_resource_group.g", "mode": "managed", "type": "azurerm_resource_group",
      "provider_name": "registry.terraform.io/hashicorp/azurerm"{}}}]}}}}}})",
                     fields);
}

// A show resource with `values` of `values`.
std::string show_values(std::string_view values) {
  return show(fmt::format(R"(, "values": {{"name": "rg", {}}})", values));
}

TEST(DriftShowShapes, ContainersAroundTheResources) {
  EXPECT_EQ(expected("/values", "expected `values` to be an object"),
            read_error(R"({"format_version": "1.0", "values": "none"})"));
  EXPECT_EQ(expected("/values/root_module", "expected `root_module` to be an object"),
            read_error(R"({"format_version": "1.0", "values": {"root_module": []}})"));
  EXPECT_EQ(expected("/values/root_module/resources", "expected `resources` to be an array"),
            read_error(R"({"format_version": "1.0", "values": {"root_module": {"resources":
              {"a": {"address": "azurerm_resource_group.g", "mode": "managed",
                     "type": "azurerm_resource_group"}}}}})"));
  EXPECT_EQ(
      expected("/values/root_module/child_modules", "expected `child_modules` to be an array"),
      read_error(R"({"format_version": "1.0", "values": {"root_module": {"child_modules":
              {"address": "module.m"}}}})"));
  EXPECT_EQ(expected("/values/root_module/child_modules/1", "expected a module object"),
            read_error(R"({"format_version": "1.0", "values": {"root_module": {"child_modules":
              [{"address": "module.m"}, "module.n"]}}})"));
  EXPECT_EQ(
      expected("/values/root_module/child_modules/0/address", "expected `address` to be a string"),
      read_error(R"({"format_version": "1.0", "values": {"root_module": {"child_modules":
              [{"address": ["module", "m"]}]}}})"));
  EXPECT_EQ(expected("/values/root_module/child_modules/0/child_modules/0/resources",
                     "expected `resources` to be an array"),
            read_error(R"({"format_version": "1.0", "values": {"root_module": {"child_modules":
              [{"child_modules": [{"resources": "none"}]}]}}})"));
  EXPECT_EQ(expected("/values/root_module/resources/0", "expected a resource object"),
            read_error(R"({"format_version": "1.0", "values": {"root_module": {"resources":
              ["azurerm_resource_group.g"]}}})"));
}

TEST(DriftShowShapes, ResourceFields) {
  constexpr std::string_view kAt = "/values/root_module/resources/0";
  auto at = [&](std::string_view field) { return fmt::format("{}{}", kAt, field); };
  EXPECT_EQ(expected(at("/values"), "expected `values` to be an object"),
            read_error(show(R"(, "values": "rg")")));
  EXPECT_EQ(expected(at("/provider_name"), "expected `provider_name` to be a string"),
            read_error(R"({"format_version": "1.0", "values": {"root_module": {"resources": [
              {"address": "a.b", "mode": "managed", "type": "azurerm_subnet",
               "provider_name": 1}]}}})"));
  EXPECT_EQ(expected(at("/tainted"), "expected `tainted` to be true or false"),
            read_error(show(R"(, "tainted": "yes")")));
  EXPECT_EQ(expected(at("/deposed_key"), "expected `deposed_key` to be a string"),
            read_error(show(R"(, "deposed_key": 7)")));
  EXPECT_EQ(expected(at("/values/location"), "expected `location` to be a string"),
            read_error(show_values(R"("location": ["westeurope"])")));
  EXPECT_EQ(expected(at("/values/name"), "expected `name` to be a string"),
            read_error(show(R"(, "values": {"name": {"value": "rg"}})")));
  EXPECT_EQ(expected(at("/values/id"), "expected `id` to be a string"),
            read_error(show_values(R"("id": 12)")));
  EXPECT_EQ(
      expected(at("/values/resource_group_name"), "expected `resource_group_name` to be a string"),
      read_error(show_values(R"("resource_group_name": true)")));
  EXPECT_EQ(
      expected(at("/values/resource_group_id"), "expected `resource_group_id` to be a string"),
      read_error(show_values(R"("resource_group_id": [])")));
  EXPECT_EQ(expected(at("/values/tags"), "expected `tags` to be an object"),
            read_error(show_values(R"("tags": "env=prod")")));
  EXPECT_EQ(expected(at("/values/tags/env\\u0009x"), "expected a tag's value to be a string"),
            read_error(show_values(R"("tags": {"env\tx": ["prod"]})")));
  // Null is what Terraform writes for an unset attribute: not an error.
  EXPECT_EQ("(read without error)",
            read_error(show_values(R"("location": null, "tags": null, "id": null)")));
}

std::string state(std::string_view resource) {
  return fmt::format(R"({{"version": 4, "resources": [{}]}})", resource);
}

std::string state_instance(std::string_view instance) {
  return state(fmt::format(R"({{"mode": "managed", "type": "azurerm_resource_group", "name": "g",
    "provider": "provider[\"registry.terraform.io/hashicorp/azurerm\"]",
    "instances": [{{"attributes": {{}}}}, {}]}})",
                           instance));
}

TEST(DriftStateShapes, EveryFieldRead) {
  EXPECT_EQ(expected("/resources", "expected `resources` to be an array"),
            read_error(R"({"version": 4, "resources": {"g": {"mode": "managed"}}})"));
  EXPECT_EQ(expected("/resources/0/instances", "expected `instances` to be an array"),
            read_error(state(R"({"mode": "managed", "type": "azurerm_subnet", "name": "s",
                                 "instances": {"attributes": {}}})")));
  EXPECT_EQ(expected("/resources/0/provider", "expected `provider` to be a string"),
            read_error(state(R"({"mode": "managed", "type": "azurerm_subnet", "name": "s",
                                 "provider": ["azurerm"], "instances": []})")));
  EXPECT_EQ(expected("/resources/0/module", "expected `module` to be a string"),
            read_error(state(R"({"mode": "managed", "type": "azurerm_subnet", "name": "s",
                                 "module": 3, "instances": []})")));
  EXPECT_EQ(expected("/resources/0/name", "expected `name` to be a string"),
            read_error(state(R"({"mode": "managed", "type": "azurerm_subnet", "name": null,
                                 "instances": []})")));
  EXPECT_EQ(expected("/resources/0/instances/1", "expected an instance object"),
            read_error(state_instance(R"("g")")));
  EXPECT_EQ(
      expected("/resources/0/instances/1/attributes", "expected `attributes` to be an object"),
      read_error(state_instance(R"({"attributes": [1]})")));
  EXPECT_EQ(expected("/resources/0/instances/1/index_key",
                     "expected `index_key` to be a number or a string"),
            read_error(state_instance(R"({"index_key": true, "attributes": {}})")));
  EXPECT_EQ(expected("/resources/0/instances/1/status", "expected `status` to be a string"),
            read_error(state_instance(R"({"status": 1, "attributes": {}})")));
  EXPECT_EQ(expected("/resources/0/instances/1/deposed", "expected `deposed` to be a string"),
            read_error(state_instance(R"({"deposed": {}, "attributes": {}})")));
  EXPECT_EQ(expected("/resources/0/instances/1/attributes/location",
                     "expected `location` to be a string"),
            read_error(state_instance(R"({"index_key": 1, "attributes": {"location": 4}})")));
  // A data source's instances are checked too.
  EXPECT_EQ(
      expected("/resources/0/instances/0/attributes", "expected `attributes` to be an object"),
      read_error(state(R"({"mode": "data", "type": "azurerm_client_config", "name": "c",
                                 "instances": [{"attributes": "x"}]})")));
}

TEST(DriftPlanShapes, EveryFieldRead) {
  EXPECT_EQ(expected("/resource_changes", "expected `resource_changes` to be an array"),
            read_error(R"({"format_version": "1.2", "resource_changes": {}})"));
  EXPECT_EQ(expected("/prior_state", "expected `prior_state` to be an object"),
            read_error(R"({"format_version": "1.2", "prior_state": [], "resource_changes": []})"));
  EXPECT_EQ(expected("/prior_state/values/root_module", "expected `root_module` to be an object"),
            read_error(R"({"format_version": "1.2", "prior_state": {"format_version": "1.0",
              "values": {"root_module": 0}}, "resource_changes": []})"));
  EXPECT_EQ(expected("/prior_state/values/root_module/resources/0/values/location",
                     "expected `location` to be a string"),
            read_error(R"({"format_version": "1.2", "prior_state": {"format_version": "1.0",
              "values": {"root_module": {"resources": [{"address": "azurerm_subnet.s",
              "mode": "managed", "type": "azurerm_subnet", "values": {"location": {}}}]}}},
              "resource_changes": []})"));
  std::string change = R"({{"format_version": "1.2", "resource_changes": [{{"address":
    "azurerm_subnet.s", "mode": "managed", "type": "azurerm_subnet", {}
    "change": {{"actions": ["update"]}}}}]}})";
  EXPECT_EQ(
      expected("/resource_changes/0/provider_name", "expected `provider_name` to be a string"),
      read_error(fmt::format(fmt::runtime(change), R"("provider_name": false,)")));
  EXPECT_EQ(expected("/resource_changes/0/deposed", "expected `deposed` to be a string"),
            read_error(fmt::format(fmt::runtime(change), R"("deposed": 1,)")));
  EXPECT_EQ(expected("/resource_changes/0/change", "expected `change` to be an object"),
            read_error(R"({"format_version": "1.2", "resource_changes": [{"address": "a.b",
              "mode": "managed", "type": "azurerm_subnet", "change": "update"}]})"));
}

TEST(DriftGraphShapes, EveryFieldRead) {
  constexpr std::string_view kId =
      "/subscriptions/0/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/s";
  auto row = [&](std::string_view fields) {
    return fmt::format(R"([{{"id": "{}", "type": "microsoft.storage/storageaccounts"{}}}])", kId,
                       fields);
  };
  EXPECT_EQ(expected("/data", "expected `data` to be an array"),
            read_error(R"({"data": {"id": "x"}, "count": 1})"));
  EXPECT_EQ(expected("/value", "expected `value` to be an array"),
            read_error(R"({"value": "none"})"));
  EXPECT_EQ(expected("/0/location", "expected `location` to be a string"),
            read_error(row(R"(, "location": ["westeurope"])")));
  EXPECT_EQ(expected("/0/name", "expected `name` to be a string"),
            read_error(row(R"(, "name": 1)")));
  EXPECT_EQ(expected("/0/resourceGroup", "expected `resourceGroup` to be a string"),
            read_error(row(R"(, "resourceGroup": {})")));
  EXPECT_EQ(expected("/0/kind", "expected `kind` to be a string"),
            read_error(row(R"(, "kind": [])")));
  EXPECT_EQ(expected("/0/managedBy", "expected `managedBy` to be a string"),
            read_error(row(R"(, "managedBy": true)")));
  EXPECT_EQ(expected("/0/properties", "expected `properties` to be an object"),
            read_error(row(R"(, "properties": "{}")")));
  EXPECT_EQ(expected("/0/sku", "expected `sku` to be an object"),
            read_error(row(R"(, "sku": "Standard_GRS")")));
  EXPECT_EQ(expected("/0/tags", "expected `tags` to be an object"),
            read_error(row(R"(, "tags": [])")));
  EXPECT_EQ(expected("/0/tags/env", "expected a tag's value to be a string"),
            read_error(row(R"(, "tags": {"env": 1})")));
  EXPECT_EQ(expected("/0/type", "expected `type` to be a string"),
            read_error(fmt::format(R"([{{"id": "{}", "type": ["x"]}}])", kId)));
}

TEST(DriftListedTwice, EachFormat) {
  std::string subnet = R"({"address": "module.m.azurerm_subnet.s[\"a\\tb\"]", "mode": "managed",
    "type": "azurerm_subnet", "values": {"name": "s"}})";
  EXPECT_EQ(expected("/values/root_module/child_modules/0/resources/1",
                     "`module.m.azurerm_subnet.s[\"a\\tb\"]` is listed twice; it is also at "
                     "`/values/root_module/child_modules/0/resources/0`"),
            read_error(fmt::format(R"({{"format_version": "1.0", "values": {{"root_module":
              {{"child_modules": [{{"resources": [{}, {}]}}]}}}}}})",
                                   subnet, subnet)));
  // The first listing is named by its own list and index, among lists read
  // in turn and past the first few hundred entries.
  std::string many;
  for (int i = 0; i < 300; ++i) {
    many += fmt::format(R"({}{{"address": "azurerm_subnet.n[{}]", "mode": "managed",
      "type": "azurerm_subnet", "values": {{}}}})",
                        i == 0 ? "" : ", ", i);
  }
  auto named = [](std::string_view address) {
    return fmt::format(R"({{"address": "{}", "mode": "managed", "type": "azurerm_subnet",
      "values": {{}}}})",
                       address);
  };
  EXPECT_EQ(expected("/values/root_module/child_modules/1/resources/0",
                     "`azurerm_subnet.n[7]` is listed twice; it is also at "
                     "`/values/root_module/resources/7`"),
            read_error(fmt::format(
                R"({{"format_version": "1.0", "values": {{"root_module": {{"resources": [{}],
                  "child_modules": [{{"resources": [{}, {}]}}, {{"resources": [{}]}}]}}}}}})",
                many, named("module.a.azurerm_subnet.x"), named("module.a.azurerm_subnet.y"),
                named("azurerm_subnet.n[7]"))));
  EXPECT_EQ(expected("/values/root_module/child_modules/1/resources/0",
                     "`module.a.azurerm_subnet.y` is listed twice; it is also at "
                     "`/values/root_module/child_modules/0/resources/1`"),
            read_error(fmt::format(
                R"({{"format_version": "1.0", "values": {{"root_module": {{"resources": [{}],
                  "child_modules": [{{"resources": [{}, {}]}}, {{"resources": [{}]}}]}}}}}})",
                many, named("module.a.azurerm_subnet.x"), named("module.a.azurerm_subnet.y"),
                named("module.a.azurerm_subnet.y"))));
  // A deposed object shares its address with the current one: not a duplicate.
  std::string deposed = R"({"address": "azurerm_subnet.s", "mode": "managed",
    "type": "azurerm_subnet", "deposed_key": "d1", "values": {}})";
  std::string current = R"({"address": "azurerm_subnet.s", "mode": "managed",
    "type": "azurerm_subnet", "values": {}})";
  EXPECT_EQ("(read without error)",
            read_error(fmt::format(R"({{"format_version": "1.0", "values": {{"root_module":
              {{"resources": [{}, {}]}}}}}})",
                                   deposed, current)));
  // A raw state: the same block twice, or the same key twice in one block.
  std::string block = R"({"mode": "managed", "type": "azurerm_subnet", "name": "s",
    "instances": [{"index_key": "a", "attributes": {}}, {"index_key": "b", "attributes": {}}]})";
  EXPECT_EQ(expected("/resources/1/instances/0",
                     "`azurerm_subnet.s[\"a\"]` is listed twice; it is "
                     "also at `/resources/0/instances/0`"),
            read_error(state(block + ", " + block)));
  EXPECT_EQ(
      expected("/resources/0/instances/2",
               "`azurerm_subnet.s[0]` is listed twice; it is also at `/resources/0/instances/1`"),
      read_error(state(R"({"mode": "managed", "type": "azurerm_subnet", "name": "s",
              "instances": [{"index_key": "0", "attributes": {}}, {"index_key": 0, "attributes":
              {}}, {"index_key": 0, "attributes": {}}]})")));
  // A plan: the same change twice, even one without an action.
  std::string change = R"({"address": "azurerm_subnet.s", "mode": "managed",
    "type": "azurerm_subnet", "change": {"actions": ["no-op"]}})";
  EXPECT_EQ(expected("/resource_changes/1",
                     "`azurerm_subnet.s` is listed twice; it is also at "
                     "`/resource_changes/0`"),
            read_error(fmt::format(R"({{"format_version": "1.2", "resource_changes": [{}, {}]}})",
                                   change, change)));
  // Resource Graph: ARM ids compare case-insensitively.
  EXPECT_EQ(expected("/data/1",
                     "`/subscriptions/0/resourceGroups/G/providers/Microsoft.Network/"
                     "virtualNetworks/v` is listed twice; it is also at `/data/0`"),
            read_error(R"({"data": [
              {"id": "/subscriptions/0/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v",
               "type": "Microsoft.Network/virtualNetworks"},
              {"id": "/subscriptions/0/resourceGroups/G/providers/Microsoft.Network/virtualNetworks/v",
               "type": "Microsoft.Network/virtualNetworks"}]})"));
}

// Terraform writes a name or tag with a tab or U+0001 JSON-escaped, in any of
// JSON's spellings; decoded, it is the same text the manifest holds.
TEST(DriftEscapedNames, DecodedBeforeTheyCompare) {
  DeployedState s;
  auto error = read_state_text("state.json", R"({"format_version": "1.0", "values": {
    "root_module": {"resources": [{"address": "azurerm_resource_group.g", "mode": "managed",
    "type": "azurerm_resource_group", "values": {"name": "rg\tone\u0001", "location":
    "westeurope", "tags": {"owner\u0009": "a\"b\\c\/d\u00e9\ud83d\ude00"}}}]}}})",
                               StateFormat::kAuto, s);
  ASSERT_FALSE(error.has_value()) << to_string(*error);
  ASSERT_EQ(1u, s.resources.size());
  EXPECT_EQ(std::string("rg\tone\x01"), s.resources[0].name);
  ASSERT_NE(nullptr, s.resources[0].tags);
  EXPECT_EQ((Tags{{"owner\t", "a\"b\\c/d\xC3\xA9\xF0\x9F\x98\x80"}}), *s.resources[0].tags);

  auto desired = parse_desired_state("m.json", R"({"manifest_version": 1, "topology": "t",
    "environment": "prod", "resources": [{"address": "azurerm_resource_group.g",
    "type": "azurerm_resource_group", "name": "rg\u0009one\u0001", "location": "westeurope",
    "tags": {"owner\t": "a\"b\\c/d\u00E9\uD83D\uDE00"}}]})");
  ASSERT_TRUE(std::holds_alternative<DesiredState>(desired))
      << to_string(std::get<ReadError>(desired));
  DriftReport report = compare(std::get<DesiredState>(desired), s);
  EXPECT_TRUE(report.in_sync()) << (report.findings.empty() ? "" : report.findings[0].message);
}

// A raw state keeps for_each keys raw; `show -json` writes them in addresses
// in HCL's quoting. Both spell the same address.
TEST(DriftEscapedNames, RawStateKeysAreQuotedAsTerraformQuotesThem) {
  DeployedState s;
  auto error = read_state_text("state.tfstate", R"({"version": 4, "resources": [{"mode": "managed",
    "type": "azurerm_resource_group", "name": "g", "instances": [
      {"index_key": "a\tb\u0001\"\\${x}%{y}$z\u00a0é", "attributes": {}}]}]})",
                               StateFormat::kAuto, s);
  ASSERT_FALSE(error.has_value()) << to_string(*error);
  ASSERT_EQ(1u, s.resources.size());
  EXPECT_EQ(R"(azurerm_resource_group.g["a\tb\u0001\"\\$${x}%%{y}$z\u00a0é"])",
            s.resources[0].address);
}

// Identity, placement and tags are captured while a resource is read rather
// than kept as JSON: a key written twice counts as its last occurrence, as
// it does in a JSON object, whatever the two values' types.
TEST(DriftCapturedFields, ShowKeyWrittenTwiceCountsLast) {
  DeployedState s;
  auto error = read_state_text("state.json", R"({"format_version": "1.0", "values": {
    "root_module": {"resources": [{"address": 7, "address": "azurerm_resource_group.g",
    "mode": "managed", "type": "azurerm_resource_group", "name": 1, "index": [],
    "values": {"name": "old", "tags": {"a": "x"}},
    "values": {"name": ["x"], "name": "rg", "location": "West Europe", "location": null,
      "location": "West Europe", "id": "/subscriptions/s/resourceGroups/rg",
      "tags": {"owner": 1, "owner": "me", "gone": "x", "gone": null, "gone": "y"}}}]}}})",
                               StateFormat::kAuto, s);
  ASSERT_FALSE(error.has_value()) << to_string(*error);
  ASSERT_EQ(1u, s.resources.size());
  const DeployedResource& d = s.resources[0];
  EXPECT_EQ("azurerm_resource_group.g", d.address);
  EXPECT_EQ("rg", d.name);
  EXPECT_EQ("westeurope", d.location);
  EXPECT_EQ("/subscriptions/s/resourceGroups/rg", d.id);
  ASSERT_NE(nullptr, d.tags);
  EXPECT_EQ((Tags{{"gone", "y"}, {"owner", "me"}}), *d.tags);
  EXPECT_TRUE(d.attributes.is_null());

  EXPECT_EQ(
      expected("/values/root_module/resources/0/address", "expected `address` to be a string"),
      read_error(R"({"format_version": "1.0", "values": {"root_module": {"resources": [
              {"address": "a.b", "address": null, "mode": "managed", "type": "azurerm_subnet"}]}}})"));
  EXPECT_EQ(expected("/values/root_module/resources/0/values/location",
                     "expected `location` to be a string"),
            read_error(show_values(R"("location": "westeurope", "location": {"name": "x"})")));
  EXPECT_EQ(expected("/values/root_module/resources/0/values/tags/b",
                     "expected a tag's value to be a string"),
            read_error(show_values(R"("tags": {"c": 1, "b": "x", "b": [], "a": "y"})")));
  EXPECT_EQ(
      expected("/values/root_module/resources/0/values/tags", "expected `tags` to be an object"),
      read_error(show_values(R"("tags": {"a": "x"}, "tags": ["a"])")));
}

TEST(DriftCapturedFields, ShowTagsNullOrAbsent) {
  DeployedState s;
  auto error = read_state_text("state.json", show_values(R"("tags": {"a": "x"}, "tags": null)"),
                               StateFormat::kAuto, s);
  ASSERT_FALSE(error.has_value()) << to_string(*error);
  ASSERT_NE(nullptr, s.resources.at(0).tags);
  EXPECT_TRUE(s.resources[0].tags->empty());
  error = read_state_text("state2.json", show_values(R"("location": "westeurope")"),
                          StateFormat::kAuto, s);
  ASSERT_FALSE(error.has_value()) << to_string(*error);
  EXPECT_EQ(nullptr, s.resources.at(1).tags);
}

TEST(DriftCapturedFields, ManifestKeyWrittenTwiceCountsLast) {
  auto desired = parse_desired_state("m.json", R"({"manifest_version": 1, "resources": [
    {"address": 1, "address": "azurerm_resource_group.g", "type": "azurerm_resource_group",
     "name": "old", "name": "rg", "location": "West Europe", "boundary": 3, "boundary": "eu",
     "tags": {"a": "x"}, "tags": {"owner": 1, "owner": "me"}}]})");
  ASSERT_TRUE(std::holds_alternative<DesiredState>(desired))
      << to_string(std::get<ReadError>(desired));
  const DesiredResource& d = std::get<DesiredState>(desired).resources.at(0);
  EXPECT_EQ("azurerm_resource_group.g", d.address);
  EXPECT_EQ("rg", d.name);
  EXPECT_EQ("westeurope", d.location);
  EXPECT_EQ("eu", d.boundary);
  ASSERT_NE(nullptr, d.tags);
  EXPECT_EQ((Tags{{"owner", "me"}}), *d.tags);

  auto error_of = [](std::string_view text) {
    auto r = parse_desired_state("m.json", text);
    return std::holds_alternative<ReadError>(r) ? to_string(std::get<ReadError>(r))
                                                : std::string("(read without error)");
  };
  EXPECT_EQ("`m.json` at `/resources/0/name`: expected `name` to be a string",
            error_of(R"({"manifest_version": 1, "resources": [
              {"address": "a.b", "type": "t", "name": "n", "name": {"x": 1}}]})"));
  EXPECT_EQ("`m.json` at `/resources/0/type`: expected `type` to be a non-empty string",
            error_of(R"({"manifest_version": 1, "resources": [
              {"address": "a.b", "type": "t", "type": ""}]})"));
  EXPECT_EQ("`m.json` at `/resources/0/tags/b`: expected tag values to be strings",
            error_of(R"({"manifest_version": 1, "resources": [
              {"address": "a.b", "type": "t", "tags": {"c": true, "b": "x", "b": null}}]})"));
  EXPECT_EQ("`m.json` at `/resources/0/tags`: expected `tags` to be an object",
            error_of(R"({"manifest_version": 1, "resources": [
              {"address": "a.b", "type": "t", "tags": "owner"}]})"));
  // A manifest's null tags mean none, not an empty set.
  auto untagged = parse_desired_state("m.json", R"({"manifest_version": 1, "resources": [
    {"address": "a.b", "type": "t", "tags": {"a": "x"}, "tags": null}]})");
  ASSERT_TRUE(std::holds_alternative<DesiredState>(untagged));
  EXPECT_EQ(nullptr, std::get<DesiredState>(untagged).resources.at(0).tags);
}

}  // namespace reader_shapes_test
}  // namespace topoc::drift

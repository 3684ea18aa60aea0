// A custom domain's certificate kept in a region's Key Vault: the checks on
// `certificate = "<name>"` and `vault` (F015, M004, M005, M007), and the
// estate it becomes: the Front Door secret, the profile's identity and its
// role on the vault.
#include <gtest/gtest.h>

#include "tests/estate_support.h"

namespace topoc::testing {
namespace {

using Lines = std::vector<std::string>;

// Regions `us` and `us2` run the services given; the domain line is line 10.
std::string with_domain(std::string_view us_services, std::string_view domain,
                        std::string_view us2_services = "aks") {
  return fmt::format(
      "topology \"t\" {{\n"
      "  boundary \"us\" {{ geography = united-states }}\n"
      "  region \"us\" {{ location = eastus  boundary = us  failover = westus2  "
      "address = 10.1.0.0/16  services = [{}] }}\n"
      "  region \"us2\" {{ location = westus2  boundary = us  failover = eastus  "
      "address = 10.3.0.0/16  services = [{}] }}\n"
      "  tenant \"acme\" {{ residency = us }}\n"
      "  frontdoor {{\n"
      "    unrouted = us\n"
      "    # the domain\n"
      "    # follows\n"
      "{}"
      "  }}\n"
      "}}\n",
      us_services, us2_services, domain);
}

TEST(FrontDoorCertificates, AVaultCertificateOfARegionWithAKeyVaultPasses) {
  EXPECT_EQ(Lines{},
            diagnostics_of(with_domain(
                "aks, keyvault",
                "    domain \"api.example.com\" { certificate = \"api-cert\"  vault = us }\n")));
}

// F015

TEST(FrontDoorCertificates, AVaultOfARegionWithoutKeyVaultIsRefused) {
  std::string text = with_domain(
      "aks", "    domain \"api.example.com\" { certificate = \"api-cert\"  vault = us }\n");
  EXPECT_EQ(Lines{"F015 10:66 custom domain `api.example.com` takes certificate `api-cert` from "
                  "the Key Vault of region `us`, which runs no `keyvault`"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ("add `keyvault` to the `services` of region `us` and import the certificate there",
            result.sink.diagnostics().at(0).help);
}

TEST(FrontDoorCertificates, TheHelpNamesARegionThatRunsAVault) {
  auto result = check_text(with_domain(
      "aks", "    domain \"api.example.com\" { certificate = \"api-cert\"  vault = us }\n",
      "aks, keyvault"));
  ASSERT_EQ(1u, result.sink.diagnostics().size());
  EXPECT_EQ(
      "name a region that runs `keyvault`, like `vault = us2`, or add `keyvault` to region "
      "`us`",
      result.sink.diagnostics().at(0).help);
}

// M004

TEST(FrontDoorCertificates, AVaultNamingNoRegionSuggestsOne) {
  std::string text =
      with_domain("aks, keyvault",
                  "    domain \"api.example.com\" { certificate = \"api-cert\"  vault = uss }\n");
  EXPECT_EQ(Lines{"M004 10:66 `vault = uss` names no declared region; did you mean `us`?"},
            diagnostics_of(text));
  auto result = check_text(text);
  ASSERT_TRUE(result.sink.diagnostics().at(0).fixit);
  EXPECT_EQ("us", result.sink.diagnostics().at(0).fixit->replacement);
}

// M005

TEST(FrontDoorCertificates, ACertificateNameNeedsAVault) {
  std::string text = with_domain("aks, keyvault",
                                 "    domain \"api.example.com\" { certificate = \"api-cert\" }\n");
  EXPECT_EQ(Lines{"M005 10:46 custom domain `api.example.com` takes certificate `api-cert` from "
                  "Key Vault but does not say which region's vault holds it"},
            diagnostics_of(text));
  auto result = check_text(text);
  EXPECT_EQ("write `vault = us`, a region whose Key Vault holds the certificate",
            result.sink.diagnostics().at(0).help);
}

TEST(FrontDoorCertificates, AVaultWithoutACertificateName) {
  EXPECT_EQ(Lines{"M005 10:40 custom domain `api.example.com` names vault `us` but no "
                  "certificate in it; its certificate is the one Front Door manages"},
            diagnostics_of(
                with_domain("aks, keyvault", "    domain \"api.example.com\" { vault = us }\n")));
}

// M007

TEST(FrontDoorCertificates, ANameKeyVaultRefuses) {
  EXPECT_EQ(Lines{"M007 10:46 `api_cert` is not a Key Vault certificate name: it is 1 to 127 "
                  "letters, digits and hyphens"},
            diagnostics_of(with_domain(
                "aks, keyvault",
                "    domain \"api.example.com\" { certificate = \"api_cert\"  vault = us }\n")));
  auto too_long = diagnostics_of(with_domain(
      "aks, keyvault",
      fmt::format("    domain \"api.example.com\" {{ certificate = \"{}\"  vault = us }}\n",
                  std::string(128, 'a'))));
  ASSERT_EQ(1u, too_long.size());
  EXPECT_EQ(0u, too_long[0].find("M007 10:46 "));
}

// The estate: a secret per such domain, the profile's identity, one role
// assignment per vault, and the domain's certificate type.

TEST(FrontDoorCertificates, TheEstateHoldsTheSecretTheIdentityAndTheRole) {
  driver::CheckResult result;
  estate::Estate e = estate_of(
      with_domain("aks, keyvault",
                  "    domain \"api.example.com\" { certificate = \"api-cert\"  vault = us }\n"
                  "    domain \"www.example.com\" { certificate = \"www-cert\"  vault = us }\n"
                  "    domain \"static.example.com\" {}\n"),
      result);
  ASSERT_EQ(0u, result.sink.diagnostics().size());
  const estate::Resource* profile =
      find_resource(e, "module.frontdoor.azurerm_cdn_frontdoor_profile.this");
  ASSERT_NE(nullptr, profile);
  EXPECT_EQ("SystemAssigned", profile->properties["identity"]["type"]);

  const estate::Resource* secret =
      find_resource(e, "module.frontdoor.azurerm_cdn_frontdoor_secret.this[\"api.example.com\"]");
  ASSERT_NE(nullptr, secret);
  EXPECT_EQ("Microsoft.Cdn/profiles/secrets", secret->arm_type);
  EXPECT_EQ("api-example-com", secret->name);
  EXPECT_EQ("api-cert", secret->properties["certificate"]);
  EXPECT_EQ(e.names.region("us", "keyvault"), secret->properties["key_vault"]);
  EXPECT_EQ(nullptr,
            find_resource(
                e, "module.frontdoor.azurerm_cdn_frontdoor_secret.this[\"static.example.com\"]"));

  // One vault holds both certificates: one role assignment.
  size_t roles = 0;
  for (const estate::Resource& r : e.resources) {
    if (r.key.starts_with("module.frontdoor.azurerm_role_assignment.")) ++roles;
  }
  EXPECT_EQ(1u, roles);
  const estate::Resource* role =
      find_resource(e, "module.frontdoor.azurerm_role_assignment.certificate_vault[\"us\"]");
  ASSERT_NE(nullptr, role);
  EXPECT_EQ("Key Vault Secrets User", role->properties["role_definition_name"]);

  const estate::Resource* api = find_resource(
      e, "module.frontdoor.azurerm_cdn_frontdoor_custom_domain.this[\"api.example.com\"]");
  const estate::Resource* stat = find_resource(
      e, "module.frontdoor.azurerm_cdn_frontdoor_custom_domain.this[\"static.example.com\"]");
  ASSERT_NE(nullptr, api);
  ASSERT_NE(nullptr, stat);
  EXPECT_EQ("CustomerCertificate", api->properties["tls"]["certificate_type"]);
  EXPECT_EQ("ManagedCertificate", stat->properties["tls"]["certificate_type"]);
}

// The estate decides once which vaults the profile reads; the role
// assignments and both renderings take that list.
TEST(FrontDoorCertificates, EachVaultIsListedOnceInRegionOrder) {
  driver::CheckResult result;
  estate::Estate e = estate_of(
      with_domain("aks, keyvault",
                  "    domain \"www.example.com\" { certificate = \"www-cert\"  vault = us2 }\n"
                  "    domain \"api.example.com\" { certificate = \"api-cert\"  vault = us }\n"
                  "    domain \"cdn.example.com\" { certificate = \"cdn-cert\"  vault = us2 }\n"
                  "    domain \"static.example.com\" {}\n",
                  "aks, keyvault"),
      result);
  ASSERT_EQ(0u, result.sink.diagnostics().size());
  EXPECT_EQ((std::vector<std::string>{"us", "us2"}), e.certificate_vaults);
  std::vector<std::string> roles;
  for (const estate::Resource& r : e.resources) {
    if (r.key.starts_with("module.frontdoor.azurerm_role_assignment.")) roles.push_back(r.key);
  }
  EXPECT_EQ((std::vector<std::string>{
                "module.frontdoor.azurerm_role_assignment.certificate_vault[\"us\"]",
                "module.frontdoor.azurerm_role_assignment.certificate_vault[\"us2\"]"}),
            roles);
}

TEST(FrontDoorCertificates, ManagedCertificatesLeaveTheProfileWithoutIdentity) {
  driver::CheckResult result;
  estate::Estate e =
      estate_of(with_domain("aks, keyvault", "    domain \"api.example.com\" {}\n"), result);
  ASSERT_EQ(0u, result.sink.diagnostics().size());
  const estate::Resource* profile =
      find_resource(e, "module.frontdoor.azurerm_cdn_frontdoor_profile.this");
  ASSERT_NE(nullptr, profile);
  EXPECT_FALSE(profile->properties.contains("identity"));
  EXPECT_TRUE(e.certificate_vaults.empty());
  for (const estate::Resource& r : e.resources) {
    EXPECT_NE("azurerm_cdn_frontdoor_secret", r.azurerm_type);
    EXPECT_FALSE(r.key.starts_with("module.frontdoor.azurerm_role_assignment."));
  }
}

}  // namespace
}  // namespace topoc::testing

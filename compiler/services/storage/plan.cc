// A region's storage account and its blob endpoints. Geo-redundant
// replication copies every blob to the Azure pair of the region's location:
// a geo-pair copy placement (rules A001, A002, R004). `replicate_to` is a
// replica placement (R010); the region's Backup vault copying the
// containers is a backup copy.
#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/estate/add_resource.h"
#include "compiler/residency/wordings.h"
#include "compiler/services/backup/vault_copies.h"
#include "compiler/services/registry.h"
#include "compiler/services/storage/replica.h"

namespace topoc::services::storage {

model::StorageReplication replica_replication(std::string_view location) {
  const catalog::RegionInfo* info = catalog::find_region(location);
  return info && info->zones ? model::StorageReplication::kZRS : model::StorageReplication::kLRS;
}

namespace {

// What drift compares of an account's blob service (compiler/drift). The
// `replicate_to` account keeps no change feed: it is only a destination.
nlohmann::json blob_properties(const model::Storage& s, bool change_feed) {
  nlohmann::json retention = nlohmann::json::array({{{"days", s.soft_delete_days.value}}});
  return nlohmann::json::array({{{"versioning_enabled", true},
                                 {"change_feed_enabled", change_feed},
                                 {"delete_retention_policy", retention},
                                 {"container_delete_retention_policy", retention}}});
}

// An account's properties: none in a check, which plans the estate for its
// placements and reads no property.
nlohmann::json account_properties(const estate::Estate& e, const model::Storage& s,
                                  std::string_view replication, bool change_feed) {
  if (e.placements_only) return nullptr;
  return {{"account_tier", "Standard"},
          {"account_kind", "StorageV2"},
          {"account_replication_type", replication},
          {"min_tls_version", "TLS1_2"},
          {"public_network_access_enabled", false},
          {"blob_properties", blob_properties(s, change_feed)}};
}

// The management policy: one rule per `lifecycle` block, and `versions`
// as a rule of its own on previous versions.
void plan_management_policy(estate::Estate& e, const model::Region& r, const model::Storage& s,
                            const std::string& module) {
  if (s.lifecycle.empty() && !s.version_days.explicit_) return;
  nlohmann::json rules = nlohmann::json::array();
  for (const model::StorageLifecycleRule& rule : s.lifecycle) rules.push_back(rule.name);
  if (s.version_days.explicit_) rules.push_back("versions");
  estate::add_regional(e, r, module + ".azurerm_storage_management_policy.this[0]",
                       "azurerm_storage_management_policy", "default", r.location.value,
                       {{"rules", rules}}, false)
      .source = s.lifecycle.empty() ? s.version_days.location : s.lifecycle.front().location;
}

void plan_containers(estate::Estate& e, const model::Region& r, const model::Storage& s,
                     const std::string& module) {
  for (const model::StorageContainer& c : s.containers) {
    const std::string key = estate::instance(c.name);
    estate::add_regional(e, r, module + ".azurerm_storage_container.this" + key,
                         "azurerm_storage_container", c.name, r.location.value,
                         {{"container_access_type", "private"}}, false)
        .source = c.location;
    if (c.immutable_days.value == 0) continue;
    estate::add_regional(
        e, r, module + ".azurerm_storage_container_immutability_policy.this" + key,
        "azurerm_storage_container_immutability_policy", "default", r.location.value,
        {{"immutability_period_in_days", c.immutable_days.value}, {"locked", c.locked.value}},
        false)
        .source = c.immutable_days.location;
  }
}

// `replicate_to`: a second account in that location, in the region's
// resource group, and the object replication policy that copies every
// declared container to it. The copy is a replica placement (R010).
void plan_replica(estate::Estate& e, const model::Region& r, const model::Storage& s,
                  const std::string& account, const std::string& module) {
  if (s.replicate_to.value.empty() || s.containers.empty()) return;
  const std::string& name = e.names.region(r.key, "storage.replica");
  const std::string& at = s.replicate_to.value;
  auto& replica = estate::add_regional(
      e, r, module + ".azurerm_storage_account.replica[0]", "azurerm_storage_account", name, at,
      account_properties(e, s, model::to_string(replica_replication(at)), false), true);
  replica.source = s.replicate_to.location;
  const estate::ReasonStep why{
      s.replicate_to.location,
      fmt::format("the storage account `{}` of region `{}` sets `replicate_to = {}`: object "
                  "replication copies its containers to `{}`",
                  account, r.key, at, name)};
  // The copies of containers declared non-personal are one placement of
  // their own, which the residency engine records as an exemption (R015)
  // where it leaves a boundary; the other containers' copies must stay in it.
  std::vector<const model::StorageContainer*> non_personal;
  bool any_personal = false;
  for (const model::StorageContainer& c : s.containers) {
    if (c.data.value == model::DataClass::kNonPersonal) {
      non_personal.push_back(&c);
    } else {
      any_personal = true;
    }
  }
  if (any_personal) {
    estate::Placement p{estate::PlacementKind::kReplica, {at}};
    p.from = r.location.value;
    p.reasons.push_back(why);
    replica.placements.push_back(std::move(p));
  }
  if (!non_personal.empty()) {
    estate::Placement p{estate::PlacementKind::kReplica, {at}};
    p.from = r.location.value;
    p.data_class = model::DataClass::kNonPersonal;
    for (const model::StorageContainer* c : non_personal) {
      p.reasons.push_back(
          {c->data.location,
           fmt::format("container `{}` of `{}` is declared non-personal", c->name, account)});
    }
    p.reasons.push_back(why);
    replica.placements.push_back(std::move(p));
  }
  if (e.placements_only) return;
  for (const model::StorageContainer& c : s.containers) {
    estate::add_regional(
        e, r, module + ".azurerm_storage_container.replica" + estate::instance(c.name),
        "azurerm_storage_container", c.name, at, {{"container_access_type", "private"}}, false)
        .source = c.location;
  }
  estate::add_regional(e, r, module + ".azurerm_storage_object_replication.this[0]",
                       "azurerm_storage_object_replication", "", at, nullptr, false)
      .source = s.replicate_to.location;
}

// `backup { storage }`: the region's Backup vault keeps a daily copy of the
// containers, in its own location and, when geo-redundant, in the pair.
// Both are the vault's placements already (compiler/services/backup/plan.cc),
// checked there; here they are listed again as where this account's data
// goes.
void place_vaulted_backup(const estate::Estate& e, const model::Region& r,
                          const std::string& account, estate::Resource& st) {
  const model::BackupStorage& backup = *r.backup->storage;
  const std::string& vault = e.names.region(r.key, "backup");
  const estate::ReasonStep why{
      backup.location,
      fmt::format("region `{}` backs up the containers of `{}` with `backup {{ storage }}`: a "
                  "daily copy in the Backup vault `{}`, kept {} days",
                  r.key, account, vault, backup.retention_days.value)};
  estate::Placement copy{estate::PlacementKind::kBackupCopy, {r.location.value}};
  copy.from = r.location.value;
  copy.reasons.push_back(why);
  copy.checked = false;
  st.placements.push_back(std::move(copy));
  if (auto pair = services::backup::pair_copy(r, vault)) {
    pair->reasons.insert(pair->reasons.begin(), why);
    pair->checked = false;
    st.placements.push_back(std::move(*pair));
  }
}

// `encryption = customer-managed`: the identity the account reads its key
// with, holding Key Vault Crypto Service Encryption User on the region's
// vault. Azure takes a customer-managed key at account creation only
// through a user-assigned identity (Microsoft Learn, "Configure
// customer-managed keys in the same tenant for a new storage account"), and
// the role must be in place before the account uses the key, hence the
// account's dependency on it. The key itself is created through Resource
// Manager (`Microsoft.KeyVault/vaults/keys`), which the vault's firewall does
// not govern; azurerm has no such resource, so it is outside the estate's
// azurerm resources and is named in the account's properties instead.
void plan_customer_managed_key(estate::Estate& e, const model::Region& r, const model::Storage& s,
                               estate::Resource& account) {
  if (s.encryption.value != model::StorageEncryption::kCustomerManaged || !r.keyvault) return;
  const std::string module = "module.storage_key" + estate::instance(r.key);
  account.properties["customer_managed_key"] = nlohmann::json::array(
      {{{"key_vault_key_id",
         fmt::format("https://{}.vault.azure.net/keys/{}", e.names.region(r.key, "keyvault"),
                     customer_managed_key_name)}}});
  if (e.placements_only) return;
  // Found again by index after the adds, which may move it.
  const size_t account_index = static_cast<size_t>(&account - e.resources.data());
  estate::add_regional(e, r, module + ".azurerm_user_assigned_identity.this",
                       "azurerm_user_assigned_identity", e.names.region(r.key, "storage.identity"),
                       r.location.value, nullptr, true)
      .source = s.encryption.location;
  auto& role = estate::add_regional(
      e, r, module + ".azurerm_role_assignment.crypto", "azurerm_role_assignment", "", "",
      {{"role_definition_name", "Key Vault Crypto Service Encryption User"}}, false);
  role.resource_group.clear();
  role.source = s.encryption.location;
  const std::string role_key = role.key;
  e.resources[account_index].depends_on.push_back(role_key);
}

}  // namespace

void plan(estate::Estate& e) {
  for (const model::Region& r : e.topology->regions) {
    if (!r.storage) continue;
    const model::Storage& s = *r.storage;
    const std::string k = estate::instance(r.key);
    const std::string& account = e.names.region(r.key, "storage");
    auto& st = estate::add_regional(
        e, r, "module.storage" + k + ".azurerm_storage_account.this", "azurerm_storage_account",
        account, r.location.value,
        account_properties(e, s, model::to_string(s.replication.value), change_feed_enabled(r)),
        true);
    st.source = s.location;
    st.placements.push_back(estate::follows_region(r, "the storage account"));
    if (model::is_geo_redundant(s.replication.value)) {
      const catalog::RegionInfo* info = catalog::find_region(r.location.value);
      estate::Placement copy{estate::PlacementKind::kGeoPairCopy};
      copy.from = r.location.value;
      if (info && !info->paired.empty()) {
        copy.locations.push_back(catalog::normalise_location(info->paired));
      } else {
        copy.absent = true;
      }
      copy.reasons.push_back(
          {s.replication.location,
           fmt::format("`{}` of `{}` copies to {}, the Azure pair of {}, because region `{}` sets "
                       "`storage {{ replication = {} }}`",
                       model::to_string(s.replication.value), account,
                       copy.absent ? "no location" : copy.locations[0], r.location.value, r.key,
                       model::to_string(s.replication.value))});
      // The model's default is geo-redundant only where the pair exists,
      // shares the geography and is inside the boundary.
      copy.checked = s.replication.explicit_ && r.location.explicit_ && info;
      copy.wording = residency::storage_copy_outside;
      st.placements.push_back(std::move(copy));
    }
    if (has_vaulted_backup(r)) place_vaulted_backup(e, r, account, st);
    // Last use of `st`: adding resources may move it.
    plan_customer_managed_key(e, r, s, st);
    if (!e.placements_only) {
      plan_management_policy(e, r, s, "module.storage" + k);
      plan_containers(e, r, s, "module.storage" + k);
    }
    plan_replica(e, r, s, account, "module.storage" + k);
    estate::add_private_endpoint(e, r, "storage", "blob", "blob");
    if (model::is_read_access(s.replication.value) && e.dns_of(r)) {
      estate::add_regional(e, r, "module.storage" + k + ".azurerm_private_endpoint.secondary[0]",
                           "azurerm_private_endpoint", e.names.region(r.key, "pep.blob_secondary"),
                           r.location.value, {{"subresource_names", {"blob_secondary"}}}, true);
    }
  }
}

}  // namespace topoc::services::storage

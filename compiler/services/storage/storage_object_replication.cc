// S102: object replication copies containers, each to a container of the
// same name in the second account, so an account that declares none has
// nothing to replicate (azurerm v4.55.0 `azurerm_storage_object_replication`
// requires at least one `rules` block). S103: a second account in the first
// one's own location keeps no copy anywhere else.
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void storage_object_replication(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.storage || region.storage->replicate_to.value.empty()) continue;
    const model::Storage& s = *region.storage;
    if (s.containers.empty()) {
      auto& d = sink.report(
          diag::Kind::StorageReplicationWithoutContainers, s.replicate_to.location,
          fmt::format("the storage account of region `{}` replicates to `{}` but declares no "
                      "container to replicate",
                      region.key, s.replicate_to.value));
      d.help =
          "declare the containers to copy in the `storage` block, like "
          "`container \"documents\" {}`";
    }
    if (s.replicate_to.value == region.location.value) {
      auto& d = sink.report(
          diag::Kind::StorageReplicaAtHome, s.replicate_to.location,
          fmt::format("the storage account of region `{}` replicates to `{}`, its own location",
                      region.key, s.replicate_to.value));
      d.help =
          "name another location in `replicate_to`; within the location, `replication = ZRS` "
          "keeps copies in each availability zone";
    }
  }
}

}  // namespace topoc::rules

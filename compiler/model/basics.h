// What every part of the typed model shares: values with the place they
// were written (Sourced) and the enumerations several services use. See
// compiler/model/topology.h.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/model/network.h"

namespace topoc::model {

using diag::Location;

// A value together with where it was written. `location.span` is empty
// ({0,0}) when the value is a default that nobody wrote.
template <typename T>
struct Sourced {
  T value{};
  Location location;
  bool explicit_ = false;  // written in the file, not a default
};

// How the VNets of a boundary's regions are peered (`peering = ...`).
enum class Peering { kMesh, kHub, kNone };

enum class DeploymentMode { kActiveActive, kActivePassive, kWarmStandby, kColdStandby };

enum class OpenAIDeployment { kStandard, kDataZone, kGlobal };

enum class Consistency { kStrong, kBoundedStaleness, kSession, kConsistentPrefix, kEventual };

enum class ConflictPolicy { kLastWriterWins, kCustom, kRegionScoped };

// What a data store holds, as the topology declares it (`data = ...`).
// Personal data stays in its tenants' boundary; data declared non-personal
// (global configuration, feature flags) may be copied across boundaries,
// and the residency engine records each such copy as an exemption.
enum class DataClass { kPersonal, kNonPersonal };

enum class StorageReplication { kLRS, kZRS, kGRS, kRAGRS, kGZRS, kRAGZRS };

enum class Service {
  kAks,
  kAiSearch,
  kOpenAI,
  kStorage,
  kRedis,
  kKeyVault,
  kMonitoring,
  kPostgres,
  kServiceBus,
  // Not a spelling of its own: a region's `redis` block asking for no Azure
  // Cache for Redis tier runs Azure Managed Redis (build_region.cc).
  kManagedRedis,
  kBackup,
  kAppService,
  kContainerApps,
  kAutomation,
  kApiManagement,
};

enum class Comparison { kGreaterThan, kGreaterOrEqual, kLessThan, kLessOrEqual };

// How the globally unique names (storage, Key Vault, Cosmos DB, Redis, AI
// Search, OpenAI) are told apart from another estate's (docs/naming.md).
enum class NameSuffix { kNone, kAuto, kFixed };

const char* to_string(DeploymentMode);
const char* to_string(OpenAIDeployment);  // the azurerm/ARM sku name
const char* to_string(Consistency);       // the azurerm/ARM consistency level
const char* to_string(ConflictPolicy);
const char* to_string(DataClass);           // the DSL word: "personal", "non-personal"
const char* to_string(StorageReplication);  // the azurerm account_replication_type
const char* to_string(Service);             // the DSL spelling
const char* to_string(Comparison);          // the azurerm operator
bool is_geo_redundant(StorageReplication);
// The DSL spelling of a deployment type: standard, data-zone, global.
const char* dsl_spelling(OpenAIDeployment);
bool is_zone_redundant(StorageReplication);
// RAGRS and RAGZRS: the paired region's copy answers reads on a secondary
// endpoint of its own.
bool is_read_access(StorageReplication);
// LRS, GRS and RAGRS: the replications whose accounts can move blobs to the
// archive tier (Microsoft Learn, "Access tiers for blob data").
bool offers_archive_tier(StorageReplication);

}  // namespace topoc::model

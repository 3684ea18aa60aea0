// Drift findings: the differences between what the topology would deploy and
// what is deployed, in topology terms (boundary, region, resource), and the
// residency breaches of the live estate, which matter most.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/drift/deployed_state.h"
#include "compiler/drift/desired_state.h"

namespace topoc::drift {

// In order of severity; the order in which reports list them.
enum class FindingKind {
  kResidencyBreach,  // a deployed resource, replica, Cosmos DB geo location or GRS pair outside its
                     // boundary
  kMissing,          // desired, not deployed (a whole region is one finding)
  kChanged,          // deployed with other settings than desired
  kUnmanaged,        // deployed in the topology's resource groups or with its tags, not desired
};

struct FindingKindInfo {
  FindingKind kind;
  std::string_view code;   // permanent, like diagnostic codes: D001...
  std::string_view name;   // residency-breach, missing, changed, unmanaged
  std::string_view level;  // SARIF level: error, warning
  std::string_view summary;
};

const FindingKindInfo& info(FindingKind kind);
const std::vector<FindingKindInfo>& all_finding_kinds();

struct AttributeChange {
  std::string attribute;  // dotted azurerm path: consistency_policy.consistency_level, tags.owner
  std::string desired;    // rendered values; "(none)" when absent
  std::string deployed;
};

struct Finding {
  FindingKind kind = FindingKind::kChanged;
  std::string boundary;  // empty: global or unknown
  std::string location;  // the region the finding is about; "global" or empty when none
  std::string address;   // Terraform address (desired or deployed)
  std::string id;        // ARM id when known
  std::string type;
  std::string name;
  std::string resource_group;
  std::string message;  // one line, lowercase start, no final period
  std::vector<AttributeChange> changes;
  std::vector<std::string> members;  // a missing region: the addresses it would hold
  std::string input;                 // the state file a deployed resource was read from
  std::string planned_action;        // plan inputs: create, update, replace, delete, forget
  std::string deposed_key;           // a deposed object: its key (plans name it too)
};

struct DriftOptions {
  // Shell-style patterns (`*`, `?`) matched against a finding's address, ARM
  // id (case-insensitively) and Azure name; a match drops the finding.
  std::vector<std::string> ignore;
};

struct DriftReport {
  std::string topology;
  std::string environment;
  std::string desired_source;
  std::vector<StateInput> inputs;
  size_t desired_resources = 0;
  size_t deployed_resources = 0;
  // Sorted: residency breaches first, then boundary, location, kind, address, id.
  std::vector<Finding> findings;
  size_t ignored = 0;

  size_t count(FindingKind kind) const;
  bool in_sync() const { return findings.empty(); }
};

DriftReport compare(const DesiredState& desired, const DeployedState& deployed,
                    const DriftOptions& options = {});

// `*` matches any run of characters, `?` one character.
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace topoc::drift

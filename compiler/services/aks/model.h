// The model of `aks`: the cluster and its node pools (dsl/README.md). Part of
// compiler/model/topology.h, which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

struct NodePool {
  std::string name;
  Location location;
  Sourced<std::string> vm_size;
  Sourced<int64_t> min_count;
  Sourced<int64_t> max_count;
  Sourced<std::vector<std::string>> zones;  // "1", "2", "3"; empty = no zones
  std::map<std::string, std::string> labels;
  std::vector<std::string> taints;  // key=value:Effect
  int64_t os_disk_gb = 128;
  int64_t max_pods = 50;
};

struct Aks {
  Location location;
  Sourced<std::string> kubernetes_version;
  NodePool system_pool;
  std::vector<NodePool> user_pools;
  Sourced<std::string> network_policy;  // azure | calico | cilium
  Sourced<bool> private_cluster;
  Sourced<std::string> service_cidr;    // inside the cluster, never routed
  Sourced<std::string> dns_service_ip;
};

}  // namespace topoc::model

// A region's AKS cluster: a system pool for cluster add-ons and one user pool
// per entry of `userPools` for workloads, all on Azure CNI in the region's
// `aks` subnet so pods get VNet addresses and reach private endpoints
// directly. The API server is private, Kubernetes access goes through Entra
// ID and Azure RBAC only, and workloads get Entra tokens through workload
// identity rather than secrets.

import { resourceTags } from 'types.bicep'

@description('The cluster and its node pools.')
param settings aksSettings

@description('Azure location of the region.')
param location string

@description('Resource ID of the subnet the nodes and pods take addresses from.')
param subnetId string

@description('Name of the region\'s virtual network.')
param virtualNetworkName string

@description('Resource ID of the Log Analytics workspace for Container Insights; empty for none.')
param logAnalyticsWorkspaceId string

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('A region\'s AKS cluster.')
type aksSettings = {
  @description('Name of the cluster.')
  name: string

  @description('DNS prefix of the cluster\'s API server.')
  dnsPrefix: string

  @description('Kubernetes version; empty for the version AKS currently recommends.')
  kubernetesVersion: string

  @description('Whether the API server is reachable only from the virtual network.')
  privateCluster: bool

  @description('Kubernetes network policy engine.')
  networkPolicy: ('azure' | 'calico' | 'cilium')

  @description('Address range of Kubernetes services; never routed outside the cluster.')
  serviceCidr: string

  @description('Address of the cluster DNS service, inside `serviceCidr`.')
  dnsServiceIp: string

  @description('The system node pool, which runs cluster add-ons only.')
  systemPool: nodePool

  @description('The user node pools, which run workloads.')
  userPools: nodePool[]

  @description('Subnets of the virtual network the cluster places nodes and internal load balancers in (aks, ingress); it gets Network Contributor on each.')
  networkSubnetNames: string[]

  @description('Name of the data collection rule Container Insights sends through; set exactly when there is a workspace.')
  containerInsightsRuleName: string?

  @description('Location of that rule: its workspace\'s, as Azure Monitor requires of a rule with a Log Analytics destination.')
  containerInsightsLocation: string?

  @description('Index in `regions` of the region whose workspace receives Container Insights (the region\'s own, or the one `logs_to` names).')
  logWorkspaceRegion: int?
}

type nodePool = {
  @description('Name of the pool; also a node label workloads select on.')
  name: string

  @description('Virtual machine size of the nodes.')
  vmSize: string

  @description('Availability zones of the nodes; empty where the region has none.')
  zones: string[]

  @description('Fewest nodes the autoscaler keeps.')
  minCount: int

  @description('Most nodes the autoscaler adds.')
  maxCount: int

  @description('OS disk size of each node, in GB.')
  osDiskSizeGb: int

  @description('Most pods per node.')
  maxPods: int

  @description('Kubernetes labels on every node.')
  labels: {
    *: string
  }

  @description('Kubernetes taints on every node, as key=value:Effect.')
  taints: string[]
}

// Network Contributor, a built-in role.
var networkContributorRoleId = '4d97b98b-1d4f-4787-a291-c67834d212e7'

resource cluster 'Microsoft.ContainerService/managedClusters@2026-08-01' = {
  name: settings.name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  sku: {
    name: 'Base'
    tier: 'Standard'
  }
  properties: {
    dnsPrefix: settings.dnsPrefix
    kubernetesVersion: empty(settings.kubernetesVersion) ? null : settings.kubernetesVersion
    enableRBAC: true
    disableLocalAccounts: true
    aadProfile: {
      managed: true
      enableAzureRBAC: true
    }
    apiServerAccessProfile: {
      enablePrivateCluster: settings.privateCluster
    }
    autoUpgradeProfile: {
      upgradeChannel: 'patch'
      nodeOSUpgradeChannel: 'NodeImage'
    }
    oidcIssuerProfile: {
      enabled: true
    }
    securityProfile: {
      workloadIdentity: {
        enabled: true
      }
    }
    // Azure CNI: nodes and pods take addresses from the aks subnet. Cilium's
    // data plane runs in overlay mode instead, pods getting addresses from a
    // private range that never reaches the virtual network.
    networkProfile: {
      networkPlugin: 'azure'
      networkPluginMode: settings.networkPolicy == 'cilium' ? 'overlay' : null
      networkPolicy: settings.networkPolicy
      networkDataplane: settings.networkPolicy == 'cilium' ? 'cilium' : 'azure'
      loadBalancerSku: 'standard'
      outboundType: 'loadBalancer'
      serviceCidr: settings.serviceCidr
      dnsServiceIP: settings.dnsServiceIp
    }
    agentPoolProfiles: [
      {
        name: settings.systemPool.name
        mode: 'System'
        type: 'VirtualMachineScaleSets'
        osType: 'Linux'
        vmSize: settings.systemPool.vmSize
        availabilityZones: settings.systemPool.zones
        enableAutoScaling: true
        count: settings.systemPool.minCount
        minCount: settings.systemPool.minCount
        maxCount: settings.systemPool.maxCount
        osDiskSizeGB: settings.systemPool.osDiskSizeGb
        maxPods: settings.systemPool.maxPods
        nodeLabels: settings.systemPool.labels
        // Keeps workloads on the user pools.
        nodeTaints: [
          'CriticalAddonsOnly=true:NoSchedule'
        ]
        vnetSubnetID: subnetId
        upgradeSettings: {
          maxSurge: '33%'
        }
      }
    ]
    addonProfiles: {
      omsagent: {
        enabled: !empty(logAnalyticsWorkspaceId)
        config: empty(logAnalyticsWorkspaceId)
          ? null
          : {
              logAnalyticsWorkspaceResourceID: logAnalyticsWorkspaceId
              useAADAuth: 'true'
            }
      }
      azureKeyvaultSecretsProvider: {
        enabled: true
        config: {
          enableSecretRotation: 'true'
          rotationPollInterval: '5m'
        }
      }
    }
  }
}

resource pools 'Microsoft.ContainerService/managedClusters/agentPools@2026-08-01' = [
  for pool in settings.userPools: {
    parent: cluster
    name: pool.name
    properties: {
      mode: 'User'
      type: 'VirtualMachineScaleSets'
      osType: 'Linux'
      vmSize: pool.vmSize
      availabilityZones: pool.zones
      enableAutoScaling: true
      count: pool.minCount
      minCount: pool.minCount
      maxCount: pool.maxCount
      osDiskSizeGB: pool.osDiskSizeGb
      maxPods: pool.maxPods
      nodeLabels: pool.labels
      nodeTaints: pool.taints
      vnetSubnetID: subnetId
      upgradeSettings: {
        maxSurge: '33%'
      }
    }
  }
]

resource network 'Microsoft.Network/virtualNetworks@2026-03-01' existing = {
  name: virtualNetworkName
}

resource networkSubnets 'Microsoft.Network/virtualNetworks/subnets@2026-03-01' existing = [
  for name in settings.networkSubnetNames: {
    parent: network
    name: name
  }
]

// With a system-assigned identity on subnets it does not own, the cluster
// needs Network Contributor on the subnets it places things in: its nodes'
// `aks` subnet and the `ingress` subnet of the internal load balancer (and
// its Private Link service) that Front Door reaches. Scoped to those subnets,
// not the whole virtual network, so the cluster cannot touch the endpoints.
resource networkContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (name, i) in settings.networkSubnetNames: {
    name: guid(networkSubnets[i].id, cluster.id, networkContributorRoleId)
    scope: networkSubnets[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', networkContributorRoleId)
      principalId: cluster.identity.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Container Insights authenticates with the cluster's managed identity
// (`useAADAuth`), and then collects only through a data collection rule
// associated with the cluster: the rule sends the Container Insights stream
// to the workspace, from the workspace's location as Azure Monitor requires.
resource containerInsightsRule 'Microsoft.Insights/dataCollectionRules@2024-03-11' = if (settings.?containerInsightsRuleName != null) {
  name: settings.?containerInsightsRuleName ?? ''
  location: settings.?containerInsightsLocation ?? location
  tags: tags
  kind: 'Linux'
  properties: {
    dataSources: {
      extensions: [
        {
          name: 'ContainerInsightsExtension'
          extensionName: 'ContainerInsights'
          streams: [
            'Microsoft-ContainerInsights-Group-Default'
          ]
        }
      ]
    }
    destinations: {
      logAnalytics: [
        {
          name: 'workspace'
          workspaceResourceId: logAnalyticsWorkspaceId
        }
      ]
    }
    dataFlows: [
      {
        streams: [
          'Microsoft-ContainerInsights-Group-Default'
        ]
        destinations: [
          'workspace'
        ]
      }
    ]
  }
}

resource containerInsightsAssociation 'Microsoft.Insights/dataCollectionRuleAssociations@2024-03-11' = if (settings.?containerInsightsRuleName != null) {
  name: 'ContainerInsightsExtension'
  scope: cluster
  properties: {
    dataCollectionRuleId: containerInsightsRule.id
  }
}

@description('Resource ID of the cluster.')
output id string = cluster.id

@description('Name of the cluster.')
output name string = cluster.name

@description('OIDC issuer for workload identity federation.')
output oidcIssuerUrl string = cluster.properties.oidcIssuerProfile.issuerURL

@description('Object ID of the kubelet identity (for image pull and data-plane role assignments).')
output kubeletIdentityObjectId string = cluster.properties.identityProfile.kubeletidentity.objectId

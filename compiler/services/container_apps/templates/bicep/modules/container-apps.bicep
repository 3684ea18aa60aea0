// A region's Container Apps environments and the apps in each.
//
// Every environment is a workload-profiles environment: the Consumption
// profile always, plus one Dedicated profile when the topology asks for it.
// With VNet integration it takes its own subnet, delegated to
// Microsoft.App/environments; the subnet, zone redundancy and the internal
// load balancer are fixed when the environment is created. Logs go to the
// Log Analytics workspace that receives the region's logs (its own, or the
// one `logs_to` names) when the region runs one.

import { resourceTags } from 'types.bicep'

@description('The environments and apps.')
param settings containerAppsSettings

@description('Azure location of the region.')
param location string

@description('The region\'s subnet IDs keyed by subnet name.')
param subnetIds {
  *: string
}

@description('Workspace (customer) ID of the Log Analytics workspace that receives the region\'s logs; empty to stream logs only.')
param logAnalyticsCustomerId string = ''

@description('Login server of each registry, keyed by its Azure name.')
param registryLoginServers {
  *: string
} = {}

@description('URI of the region\'s Key Vault, given to every app as AZURE_KEY_VAULT_URI; empty when the region runs none.')
param keyVaultUri string = ''

@description('The virtual networks that resolve the apps of the internal environments: the region\'s own and those peered with it.')
param dnsVirtualNetworks {
  name: string
  resourceGroup: string
}[] = []

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('A Dedicated workload profile.')
type containerAppsDedicatedProfile = {
  @description('Profile type, also its name: D4-D32 or E4-E32.')
  type: string

  @description('Fewest instances of the profile.')
  minimumCount: int

  @description('Most instances of the profile.')
  maximumCount: int
}

@export()
@description('A Container Apps environment.')
type containerAppsEnvironment = {
  @description('Topology name of the environment, the key apps refer to.')
  key: string

  @description('Name of the environment.')
  name: string

  @description('Name of the region subnet the environment is injected into; absent without VNet integration.')
  subnet: string?

  @description('Whether replicas are spread over the location\'s availability zones.')
  zoneRedundant: bool

  @description('Whether the environment takes traffic only from its virtual network.')
  internal: bool

  @description('The Dedicated workload profile; absent for the Consumption profile alone.')
  dedicated: containerAppsDedicatedProfile?
}

@export()
@description('A Container App.')
type containerApp = {
  @description('Key of the environment the app runs in.')
  environment: string

  @description('Name of the app.')
  name: string

  @description('Name of its one container.')
  containerName: string

  @description('Name of its user-assigned identity; absent for a system-assigned one.')
  identityName: string?

  @description('Image: repository and tag in the registry, or a full reference.')
  image: string

  @description('Whether the image is in the region\'s registry rather than a full reference.')
  fromRegistry: bool

  @description('Whether the app may read the secrets of the region\'s Key Vault.')
  keyVaultSecrets: bool

  @description('Workload profile the app runs on.')
  workloadProfileName: string

  @description('vCPU of the container.')
  cpu: string

  @description('Memory of the container, such as 2Gi.')
  memory: string

  @description('Fewest replicas.')
  minReplicas: int

  @description('Most replicas.')
  maxReplicas: int

  @description('Whether ingress comes from outside the environment; absent for no ingress.')
  external: bool?

  @description('Port the container listens on.')
  targetPort: int
}

@export()
@description('The registry a region\'s apps pull from.')
type containerAppsRegistry = {
  @description('Azure name of the registry, also the key of its login server.')
  name: string

  @description('Resource group of the registry.')
  resourceGroup: string
}

@export()
@description('A region\'s Container Apps.')
type containerAppsSettings = {
  @description('Name of the Log Analytics workspace that receives the region\'s logs (its own, or the one `logs_to` names); absent to stream logs only.')
  workspaceName: string?

  @description('Resource group of that workspace.')
  workspaceGroup: string?

  @description('Index in `regions` of the region whose workspace it is.')
  workspaceRegion: int?

  @description('Name of the region\'s Key Vault; absent when the region runs none.')
  keyVaultName: string?

  @description('The registry the region runs; absent for none.')
  registry: containerAppsRegistry?

  @description('The environments.')
  environments: containerAppsEnvironment[]

  @description('The apps.')
  apps: containerApp[]

  @description('Indexes in `regions` of the regions whose VNets resolve the internal environments\' apps; absent when the region has none.')
  dnsRegions: int[]?
}

// Built-in role Key Vault Secrets User.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

// Read only when the region runs a workspace; the name is a placeholder
// otherwise. `logs_to` may place it in another region's resource group.
resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' existing = {
  name: settings.?workspaceName ?? 'none'
  scope: resourceGroup(settings.?workspaceGroup ?? resourceGroup().name)
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: settings.?keyVaultName ?? 'none'
}

var loginServer = settings.?registry == null ? '' : registryLoginServers[settings.?registry.?name!]

resource environments 'Microsoft.App/managedEnvironments@2026-07-01' = [
  for env in settings.environments: {
    name: env.name
    location: location
    tags: tags
    properties: {
      vnetConfiguration: env.?subnet == null
        ? null
        : {
            infrastructureSubnetId: subnetIds[env.?subnet!]
            internal: env.internal
          }
      zoneRedundant: env.zoneRedundant
      appLogsConfiguration: settings.?workspaceName == null
        ? null
        : {
            destination: 'log-analytics'
            logAnalyticsConfiguration: {
              customerId: logAnalyticsCustomerId
              sharedKey: workspace.listKeys().primarySharedKey
            }
          }
      workloadProfiles: concat(
        [
          {
            name: 'Consumption'
            workloadProfileType: 'Consumption'
          }
        ],
        env.?dedicated == null
          ? []
          : [
              {
                name: env.?dedicated.?type ?? ''
                workloadProfileType: env.?dedicated.?type ?? ''
                minimumCount: env.?dedicated.?minimumCount
                maximumCount: env.?dedicated.?maximumCount
              }
            ]
      )
    }
  }
]

// Each internal environment's apps resolve through a private DNS zone of
// its default domain.
module internalDns 'container-apps-internal-dns.bicep' = [
  for (env, i) in settings.environments: if (env.internal && env.?subnet != null) {
    params: {
      // The zone is named after the domain Azure gives the environment when
      // it creates it; What-If cannot know it before.
      #disable-next-line what-if-short-circuiting
      domain: environments[i].properties.defaultDomain
      staticIp: environments[i].properties.staticIp
      virtualNetworks: dnsVirtualNetworks
      tags: tags
    }
  }
]

// Environment keys to their index in `environments`.
var environmentIndex = toObject(range(0, length(settings.environments)), i => settings.environments[i].key, i => i)

resource identities 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = [
  for app in settings.apps: if (app.?identityName != null) {
    name: app.?identityName ?? '${app.name}-none'
    location: location
    tags: tags
  }
]

// AcrPull for the user-assigned identities whose apps pull from the
// registry, in the registry's resource group, before the apps exist.
module acrPull 'container-apps-acr-pull.bicep' = if (settings.?registry != null) {
  scope: resourceGroup(settings.?registry.?resourceGroup ?? resourceGroup().name)
  params: {
    registryName: settings.?registry.?name ?? 'none'
    pullers: [
      for (app, i) in settings.apps: {
        key: '${app.environment}/${app.name}'
        principalId: app.fromRegistry ? identities[i]!.properties.principalId : ''
        pull: app.fromRegistry
      }
    ]
  }
}

resource apps 'Microsoft.App/containerApps@2026-07-01' = [
  for (app, i) in settings.apps: {
    name: app.name
    location: location
    tags: tags
    identity: app.?identityName == null
      ? {
          type: 'SystemAssigned'
        }
      : {
          type: 'UserAssigned'
          userAssignedIdentities: {
            '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', app.?identityName ?? '')}': {}
          }
        }
    properties: {
      environmentId: environments[environmentIndex[app.environment]].id
      workloadProfileName: app.workloadProfileName
      configuration: {
        activeRevisionsMode: 'Single'
        ingress: app.?external == null
          ? null
          : {
              external: app.?external
              targetPort: app.targetPort
              traffic: [
                {
                  latestRevision: true
                  weight: 100
                }
              ]
            }
        registries: app.fromRegistry
          ? [
              {
                server: loginServer
                identity: identities[i]!.id
              }
            ]
          : []
      }
      template: {
        containers: [
          {
            name: app.containerName
            image: app.fromRegistry ? '${loginServer}/${app.image}' : app.image
            env: empty(keyVaultUri)
              ? []
              : [
                  {
                    name: 'AZURE_KEY_VAULT_URI'
                    value: keyVaultUri
                  }
                ]
            resources: {
              cpu: json(app.cpu)
              memory: app.memory
            }
          }
        ]
        scale: {
          minReplicas: app.minReplicas
          maxReplicas: app.maxReplicas
        }
      }
    }
    dependsOn: [
      identities
      acrPull
    ]
  }
]

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (app, i) in settings.apps: if (app.keyVaultSecrets) {
    name: guid(vault.id, app.name, secretsUserRoleId)
    scope: vault
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
      principalId: app.?identityName == null ? apps[i].identity.principalId : identities[i]!.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

@description('Resource IDs of the environments, in settings order.')
output environmentIds string[] = [for (env, i) in settings.environments: environments[i].id]

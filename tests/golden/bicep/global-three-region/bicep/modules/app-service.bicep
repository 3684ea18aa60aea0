// A region's App Service: Linux plans and the web apps and function apps on
// them. Every site refuses FTP(S) and basic-authentication publishing, takes
// no public traffic (a private endpoint on the `sites` sub-resource instead)
// and sends all outbound traffic through the region's delegated subnet, so it
// reaches the key vault and the storage account over their private endpoints.
// Each site has a system-assigned identity: Key Vault references in app
// settings resolve with it, and function apps reach their host storage with it
// instead of account keys (the region's storage account has shared keys off).

import { resourceIds, resourceTags } from 'types.bicep'

@description('The plans and their sites.')
param settings appServiceSettings

@description('Azure location of the region.')
param location string

@description('Resource ID of the region\'s endpoints subnet.')
param endpointSubnetId string

@description('Resource ID of the subnet delegated to Microsoft.Web/serverFarms.')
param appsSubnetId string

@description('Resource IDs of the region\'s private DNS zones, keyed by zone name.')
param privateDnsZoneIds resourceIds

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('An App Service plan (Linux).')
type appServicePlan = {
  @description('Name of the plan.')
  name: string

  @description('Size: Premium v3/v4 (P1v3, ...) or Elastic Premium (EP1-EP3).')
  sku: string

  @description('Workers the plan runs; for Elastic Premium, its always-ready instances.')
  @minValue(1)
  workerCount: int

  @description('Whether the workers are spread across availability zones.')
  zoneRedundant: bool
}

@export()
@description('An app setting.')
type appSetting = {
  @description('Name of the setting.')
  name: string

  @description('Its value.')
  value: string
}

@export()
@description('A web app or function app on a plan.')
type appServiceSite = {
  @description('web or function.')
  kind: ('web' | 'function')

  @description('Name of the site; also its host name under azurewebsites.net.')
  name: string

  @description('Index in `plans` of the plan it runs on.')
  planIndex: int

  @description('Runtime and version, such as PYTHON|3.11; absent for none.')
  linuxFxVersion: string?

  @description('Functions worker runtime, such as python; absent for a web app or no runtime.')
  workerRuntime: string?

  @description('Whether the site is kept loaded between requests.')
  alwaysOn: bool

  @description('Whether plain HTTP is redirected to HTTPS.')
  httpsOnly: bool

  @description('Whether HTTP/2 is on.')
  http2Enabled: bool

  @description('Lowest TLS version accepted.')
  minTlsVersion: ('1.2' | '1.3')

  @description('Path the platform probes; absent for no health check.')
  healthCheckPath: string?

  @description('Minutes an instance may fail the probe before it is evicted.')
  healthCheckEvictionMinutes: int

  @description('Origins allowed to call the site from a browser.')
  corsAllowedOrigins: string[]

  @description('App settings as written.')
  appSettings: appSetting[]

  @description('App settings that are Key Vault references: setting names to secret names.')
  keyVaultSecrets: appSetting[]

  @description('Name of the site\'s private endpoint in the region\'s endpoints subnet.')
  privateEndpointName: string
}

@export()
@description('A region\'s App Service.')
type appServiceSettings = {
  @description('The plans.')
  plans: appServicePlan[]

  @description('The web apps and function apps.')
  sites: appServiceSite[]

  @description('Private DNS zones the sites\' endpoints register in.')
  privateDnsZones: string[]

  @description('Name of the region\'s key vault, which Key Vault references read; absent when the region runs none.')
  keyVaultName: string?

  @description('Name of the region\'s storage account, which keeps function apps\' host state; absent when the region runs none.')
  storageAccountName: string?
}

// Built-in roles: Key Vault Secrets User, Storage Blob Data Owner.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var storageBlobDataOwnerRoleId = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'

var zoneIds = toObject(settings.privateDnsZones, zone => zone, zone => privateDnsZoneIds[zone])
var keyVaultUri = settings.?keyVaultName == null ? '' : vault!.properties.vaultUri
var storageAccountName = settings.?storageAccountName ?? ''

resource plans 'Microsoft.Web/serverfarms@2025-03-01' = [
  for plan in settings.plans: {
    name: plan.name
    location: location
    tags: tags
    kind: startsWith(plan.sku, 'EP') ? 'elastic' : 'linux'
    sku: {
      name: plan.sku
      capacity: plan.workerCount
    }
    properties: {
      reserved: true
      zoneRedundant: plan.zoneRedundant
    }
  }
]

resource sites 'Microsoft.Web/sites@2025-03-01' = [
  for site in settings.sites: {
    name: site.name
    location: location
    tags: tags
    kind: site.kind == 'function' ? 'functionapp,linux' : 'app,linux'
    identity: {
      type: 'SystemAssigned'
    }
    properties: {
      serverFarmId: plans[site.planIndex].id
      httpsOnly: site.httpsOnly
      publicNetworkAccess: 'Disabled'
      virtualNetworkSubnetId: appsSubnetId
      outboundVnetRouting: {
        allTraffic: true
      }
      siteConfig: {
        linuxFxVersion: site.?linuxFxVersion ?? ''
        alwaysOn: site.alwaysOn
        ftpsState: 'Disabled'
        http20Enabled: site.http2Enabled
        minTlsVersion: site.minTlsVersion
        scmMinTlsVersion: site.minTlsVersion
        healthCheckPath: site.?healthCheckPath
        use32BitWorkerProcess: false
        cors: {
          allowedOrigins: site.corsAllowedOrigins
        }
        appSettings: concat(
          site.appSettings,
          map(site.keyVaultSecrets, s => {
            name: s.name
            value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${s.value}/)'
          }),
          site.?healthCheckPath == null
            ? []
            : [
                {
                  name: 'WEBSITE_HEALTHCHECK_MAXPINGFAILURES'
                  value: string(site.healthCheckEvictionMinutes)
                }
              ],
          site.kind == 'function'
            ? concat(
                [
                  {
                    name: 'FUNCTIONS_EXTENSION_VERSION'
                    value: '~4'
                  }
                  {
                    name: 'AzureWebJobsStorage__accountName'
                    value: storageAccountName
                  }
                ],
                site.?workerRuntime == null
                  ? []
                  : [
                      {
                        name: 'FUNCTIONS_WORKER_RUNTIME'
                        value: site.workerRuntime!
                      }
                    ]
              )
            : []
        )
      }
    }
  }
]

// Basic authentication off for FTP and for Web Deploy (the `scm` site), as
// the Terraform module's ftp_/webdeploy_publish_basic_authentication_enabled
// = false: deployments sign in with Entra ID.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = [
  for (site, i) in settings.sites: {
    parent: sites[i]
    name: 'ftp'
    properties: {
      allow: false
    }
  }
]

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = [
  for (site, i) in settings.sites: {
    parent: sites[i]
    name: 'scm'
    properties: {
      allow: false
    }
  }
]

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = if (settings.?keyVaultName != null) {
  name: settings.?keyVaultName ?? 'none'
}

resource account 'Microsoft.Storage/storageAccounts@2026-09-01' existing = if (settings.?storageAccountName != null) {
  name: settings.?storageAccountName ?? 'none'
}

// Reading secrets for Key Vault references (the vault uses Azure RBAC).
resource keyVaultSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (site, i) in settings.sites: if (settings.?keyVaultName != null) {
    name: guid(vault.id, site.name, keyVaultSecretsUserRoleId)
    scope: vault
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
      principalId: sites[i].identity.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// The Functions host keeps leases, keys and timer state in blobs; with an
// identity-based AzureWebJobsStorage it needs Storage Blob Data Owner.
resource hostStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (site, i) in settings.sites: if (site.kind == 'function' && settings.?storageAccountName != null) {
    name: guid(account.id, site.name, storageBlobDataOwnerRoleId)
    scope: account
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwnerRoleId)
      principalId: sites[i].identity.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

module endpoints 'private-endpoint.bicep' = [
  for (site, i) in settings.sites: {
    params: {
      name: site.privateEndpointName
      location: location
      subnetId: endpointSubnetId
      serviceId: sites[i].id
      groupId: 'sites'
      privateDnsZoneIds: zoneIds
      tags: tags
    }
  }
]

@description('Resource IDs of the plans, in the order of `plans`.')
output planIds string[] = [for (plan, i) in settings.plans: plans[i].id]

@description('Default host names of the sites, in the order of `sites`.')
output defaultHostNames string[] = [for (site, i) in settings.sites: sites[i].properties.defaultHostName]

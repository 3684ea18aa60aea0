// A region's diagnostic settings: each watched resource sends its platform
// logs and metrics to one Log Analytics workspace, the region's own unless
// the topology names another region's (`monitoring { logs_to = ... }`).
// Where the workspace is, the logs are: topoc checks that location against
// the boundaries whose data each watched resource holds (rule R013).
// A diagnostic setting is an extension resource: its scope is the watched
// resource, read here by name, one list per resource type.

@description('The settings\' name and the watched resources of each type.')
param settings diagnosticsSettings

@description('Resource ID of the Log Analytics workspace that receives the logs and metrics.')
param workspaceId string

@export()
@description('What one watched resource sends.')
type diagnosticTarget = {
  @description('Name of the watched resource.')
  name: string

  @description('Log category groups sent (`allLogs`).')
  categoryGroups: string[]

  @description('Log categories sent, where the type has no category group for them.')
  categories: string[]

  @description('Whether the AllMetrics category is sent.')
  metrics: bool
}

@export()
@description('A region\'s diagnostic settings.')
type diagnosticsSettings = {
  @description('Name of every diagnostic setting (unique per watched resource).')
  name: string

  @description('Index in `regions` of the region whose workspace receives the logs.')
  workspaceRegion: int

  @description('AKS clusters.')
  clusters: diagnosticTarget[]?

  @description('AI Search services.')
  searchServices: diagnosticTarget[]?

  @description('Azure OpenAI (Cognitive Services) accounts.')
  cognitiveAccounts: diagnosticTarget[]?

  @description('Azure Cache for Redis caches.')
  redisCaches: diagnosticTarget[]?

  @description('Key Vaults.')
  keyVaults: diagnosticTarget[]?

  @description('PostgreSQL flexible servers.')
  postgresServers: diagnosticTarget[]?

  @description('Service Bus namespaces.')
  serviceBusNamespaces: diagnosticTarget[]?

  @description('Storage accounts, whose blob logs are on their `default` blob service.')
  blobServices: diagnosticTarget[]?

  @description('Azure Managed Redis instances, whose logs are on their `default` database.')
  redisEnterpriseDatabases: diagnosticTarget[]?

  @description('Backup vaults.')
  backupVaults: diagnosticTarget[]?

  @description('Automation accounts.')
  automationAccounts: diagnosticTarget[]?

  @description('Event Grid system topics.')
  systemTopics: diagnosticTarget[]?

  @description('API Management instances.')
  apiManagementServices: diagnosticTarget[]?

  @description('App Service web and function apps.')
  sites: diagnosticTarget[]?

  @description('Container registries homed in the region.')
  containerRegistries: diagnosticTarget[]?
}

@description('The properties of one diagnostic setting.')
type settingProperties = {
  @description('Resource ID of the workspace.')
  workspaceId: string

  @description('Log category groups and categories sent.')
  logs: {
    @description('A category group.')
    categoryGroup: string?

    @description('A category.')
    category: string?

    @description('Always true: a listed log is sent.')
    enabled: bool
  }[]

  @description('Metric categories sent.')
  metrics: {
    @description('AllMetrics.')
    category: string

    @description('Always true: a listed metric is sent.')
    enabled: bool
  }[]
}

// The properties of one setting: category groups and categories as log
// entries, AllMetrics as the one metric entry.
func properties(target diagnosticTarget, workspace string) settingProperties => {
  workspaceId: workspace
  logs: concat(
    map(target.categoryGroups, group => { categoryGroup: group, enabled: true }),
    map(target.categories, category => { category: category, enabled: true })
  )
  metrics: target.metrics ? [{ category: 'AllMetrics', enabled: true }] : []
}

var clusterTargets = settings.?clusters ?? []
var searchTargets = settings.?searchServices ?? []
var cognitiveTargets = settings.?cognitiveAccounts ?? []
var redisTargets = settings.?redisCaches ?? []
var keyVaultTargets = settings.?keyVaults ?? []
var postgresTargets = settings.?postgresServers ?? []
var serviceBusTargets = settings.?serviceBusNamespaces ?? []
var blobTargets = settings.?blobServices ?? []
var managedRedisTargets = settings.?redisEnterpriseDatabases ?? []
var backupVaultTargets = settings.?backupVaults ?? []
var automationTargets = settings.?automationAccounts ?? []
var systemTopicTargets = settings.?systemTopics ?? []
var apiManagementTargets = settings.?apiManagementServices ?? []
var siteTargets = settings.?sites ?? []
var registryTargets = settings.?containerRegistries ?? []

resource clusters 'Microsoft.ContainerService/managedClusters@2026-08-01' existing = [
  for target in clusterTargets: {
    name: target.name
  }
]

// Bicep's type index has categoryGroup only from 2021-05-01-preview: its one
// stable version, 2016-09-01, knows `category` alone (bicep 0.49.2, BCP037).
#disable-next-line use-recent-api-versions
resource clusterLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (target, i) in clusterTargets: {
    name: settings.name
    scope: clusters[i]
    properties: properties(target, workspaceId)
  }
]

resource searchServices 'Microsoft.Search/searchServices@2026-11-01' existing = [
  for target in searchTargets: {
    name: target.name
  }
]

#disable-next-line use-recent-api-versions
resource searchLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (target, i) in searchTargets: {
    name: settings.name
    scope: searchServices[i]
    properties: properties(target, workspaceId)
  }
]

resource cognitiveAccounts 'Microsoft.CognitiveServices/accounts@2026-09-01' existing = [
  for target in cognitiveTargets: {
    name: target.name
  }
]

#disable-next-line use-recent-api-versions
resource cognitiveLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (target, i) in cognitiveTargets: {
    name: settings.name
    scope: cognitiveAccounts[i]
    properties: properties(target, workspaceId)
  }
]

resource redisCaches 'Microsoft.Cache/redis@2024-11-01' existing = [
  for target in redisTargets: {
    name: target.name
  }
]

#disable-next-line use-recent-api-versions
resource redisLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (target, i) in redisTargets: {
    name: settings.name
    scope: redisCaches[i]
    properties: properties(target, workspaceId)
  }
]

resource keyVaults 'Microsoft.KeyVault/vaults@2026-05-15' existing = [
  for target in keyVaultTargets: {
    name: target.name
  }
]

#disable-next-line use-recent-api-versions
resource keyVaultLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (target, i) in keyVaultTargets: {
    name: settings.name
    scope: keyVaults[i]
    properties: properties(target, workspaceId)
  }
]

resource postgresServers 'Microsoft.DBforPostgreSQL/flexibleServers@2026-10-01' existing = [
  for target in postgresTargets: {
    name: target.name
  }
]

#disable-next-line use-recent-api-versions
resource postgresLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (target, i) in postgresTargets: {
    name: settings.name
    scope: postgresServers[i]
    properties: properties(target, workspaceId)
  }
]

resource serviceBusNamespaces 'Microsoft.ServiceBus/namespaces@2026-01-01' existing = [
  for target in serviceBusTargets: {
    name: target.name
  }
]

#disable-next-line use-recent-api-versions
resource serviceBusLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (target, i) in serviceBusTargets: {
    name: settings.name
    scope: serviceBusNamespaces[i]
    properties: properties(target, workspaceId)
  }
]

resource backupVaults 'Microsoft.DataProtection/backupVaults@2026-07-01' existing = [
  for target in backupVaultTargets: {
    name: target.name
  }
]

#disable-next-line use-recent-api-versions
resource backupVaultLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (target, i) in backupVaultTargets: {
    name: settings.name
    scope: backupVaults[i]
    properties: properties(target, workspaceId)
  }
]

resource automationAccounts 'Microsoft.Automation/automationAccounts@2024-10-23' existing = [
  for target in automationTargets: {
    name: target.name
  }
]

#disable-next-line use-recent-api-versions
resource automationLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (target, i) in automationTargets: {
    name: settings.name
    scope: automationAccounts[i]
    properties: properties(target, workspaceId)
  }
]

resource systemTopics 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = [
  for target in systemTopicTargets: {
    name: target.name
  }
]

#disable-next-line use-recent-api-versions
resource systemTopicLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (target, i) in systemTopicTargets: {
    name: settings.name
    scope: systemTopics[i]
    properties: properties(target, workspaceId)
  }
]

resource apiManagementServices 'Microsoft.ApiManagement/service@2024-05-01' existing = [
  for target in apiManagementTargets: {
    name: target.name
  }
]

#disable-next-line use-recent-api-versions
resource apiManagementLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (target, i) in apiManagementTargets: {
    name: settings.name
    scope: apiManagementServices[i]
    properties: properties(target, workspaceId)
  }
]

resource redisEnterprises 'Microsoft.Cache/redisEnterprise@2025-07-01' existing = [
  for target in managedRedisTargets: {
    name: target.name
  }
]

// Azure Managed Redis logs on the instance's database, not the cluster.
resource redisEnterpriseDatabases 'Microsoft.Cache/redisEnterprise/databases@2025-07-01' existing = [
  for (target, i) in managedRedisTargets: {
    parent: redisEnterprises[i]
    name: 'default'
  }
]

#disable-next-line use-recent-api-versions
resource managedRedisLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (target, i) in managedRedisTargets: {
    name: settings.name
    scope: redisEnterpriseDatabases[i]
    properties: properties(target, workspaceId)
  }
]

resource storageAccounts 'Microsoft.Storage/storageAccounts@2026-09-01' existing = [
  for target in blobTargets: {
    name: target.name
  }
]

// A storage account's blob logs are on its blob service, not the account.
resource blobServices 'Microsoft.Storage/storageAccounts/blobServices@2026-09-01' existing = [
  for (target, i) in blobTargets: {
    parent: storageAccounts[i]
    name: 'default'
  }
]

#disable-next-line use-recent-api-versions
resource blobLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (target, i) in blobTargets: {
    name: settings.name
    scope: blobServices[i]
    properties: properties(target, workspaceId)
  }
]

resource sites 'Microsoft.Web/sites@2025-03-01' existing = [
  for target in siteTargets: {
    name: target.name
  }
]

#disable-next-line use-recent-api-versions
resource siteLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (target, i) in siteTargets: {
    name: settings.name
    scope: sites[i]
    properties: properties(target, workspaceId)
  }
]

resource containerRegistries 'Microsoft.ContainerRegistry/registries@2025-04-01' existing = [
  for target in registryTargets: {
    name: target.name
  }
]

#disable-next-line use-recent-api-versions
resource registryLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (target, i) in registryTargets: {
    name: settings.name
    scope: containerRegistries[i]
    properties: properties(target, workspaceId)
  }
]

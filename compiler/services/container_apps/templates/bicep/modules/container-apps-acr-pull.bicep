// AcrPull on a registry for the user-assigned identities of a region's
// Container Apps, deployed in the registry's resource group before the apps
// that pull with them.

@description('Name of the registry, in this deployment\'s resource group.')
param registryName string

@description('The region\'s apps: each one\'s `<environment>/<app>` key, which names the assignment, and, for the apps that pull, its identity\'s object ID.')
param pullers puller[]

type puller = {
  @description('The app\'s `<environment>/<app>`.')
  key: string

  @description('Object ID of the app\'s user-assigned identity; empty for an app that does not pull.')
  principalId: string

  @description('Whether the app pulls from the registry.')
  pull: bool
}

var acrPullRoleId = '7f951dda-4ed3-4680-a7ca-43fe172d538f'

resource registry 'Microsoft.ContainerRegistry/registries@2025-04-01' existing = {
  name: registryName
}

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for app in filter(pullers, p => p.pull): {
    name: guid(registry.id, app.key, acrPullRoleId)
    scope: registry
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPullRoleId)
      principalId: app.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// A region's observability: a Log Analytics workspace (AKS Container
// Insights and diagnostics land here) and a workspace-based Application
// Insights component for the application's own telemetry. Both stay in the
// region because telemetry can hold tenant data.

import { resourceTags } from 'types.bicep'

@description('The workspace and the Application Insights component.')
param settings monitoringSettings

@description('Azure location of the region.')
param location string

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('A region\'s monitoring.')
type monitoringSettings = {
  @description('Name of the Log Analytics workspace.')
  logAnalyticsName: string

  @description('Name of the Application Insights component.')
  applicationInsightsName: string

  @description('Days the workspace keeps data (30 to 730).')
  @minValue(30)
  @maxValue(730)
  retentionDays: int

  @description('Names of the shared Application Insights components this region hosts, one for each boundary whose `application_insights` names it.')
  boundaryInsightsNames: string[]?
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: settings.logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: settings.retentionDays
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: settings.applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

// One application map and transaction search for the applications of every
// region of a boundary, on this region's workspace.
resource boundaryInsights 'Microsoft.Insights/components@2020-02-02' = [
  for name in settings.?boundaryInsightsNames ?? []: {
    name: name
    location: location
    tags: tags
    kind: 'web'
    properties: {
      Application_Type: 'web'
      WorkspaceResourceId: workspace.id
      IngestionMode: 'LogAnalytics'
    }
  }
]

@description('Resource ID of the Log Analytics workspace.')
output logAnalyticsWorkspaceId string = workspace.id

@description('Resource ID of the Application Insights component.')
output applicationInsightsId string = applicationInsights.id

@description('Workspace (customer) ID of the Log Analytics workspace, which agents and Container Apps environments send to.')
output logAnalyticsCustomerId string = workspace.properties.customerId

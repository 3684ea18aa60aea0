// The estate's metric alerts and the action groups they notify. Each alert
// watches one resource: Azure Monitor evaluates a multi-resource metric alert
// only for resources of one type in one region, and the estate's accounts and
// clusters are spread over regions. Webhook receivers are named in the
// settings; their URLs carry credentials and come only from `webhookUrls`.
// A log search alert runs its query on one region's Application Insights, in
// that component's location, where Azure holds the query's results. An
// availability test requests a URL from Azure's probe locations and records
// the results in a region's Application Insights, in that component's resource
// group (availability-test.bicep).

import { resourceIds, resourceTags } from 'types.bicep'

@description('The action groups and the alerts.')
param settings alertSettings

@description('Resource IDs of the watched resources, keyed by what each alert names in `scope`.')
param scopeIds resourceIds

@secure()
@description('URL of each webhook receiver, keyed by receiver name.')
param webhookUrls {
  *: string
} = {}

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('The estate\'s alerts.')
type alertSettings = {
  @description('The action groups: the default one first, then those the topology declares.')
  actionGroups: actionGroupSettings[]

  @description('The metric alerts, each on one resource.')
  alerts: alert[]

  @description('The log search alerts, each on one region\'s Application Insights.')
  logAlerts: logAlert[]

  @description('The availability tests, each recorded by one region\'s Application Insights.')
  availabilityTests: availabilityTest[]

  @description('The activity-log alerts, each on the subscription.')
  activityAlerts: activityAlert[]
}

type actionGroupSettings = {
  @description('Name of the action group.')
  name: string

  @description('Short name (at most 12 characters) shown in notifications.')
  shortName: string

  @description('Address that receives alert email; empty for none.')
  email: string

  @description('Webhook receivers, by their key in `webhookUrls`.')
  webhooks: string[]
}

type alert = {
  @description('Name of the alert.')
  name: string

  @description('What the alert watches, in words.')
  description: string

  @description('The watched resource: its key in `scopeIds`, such as cosmos/eu or aks/us.')
  scope: string

  @description('0 (critical) to 4 (verbose).')
  severity: int

  @description('How often the alert is evaluated, as an ISO 8601 duration.')
  frequency: string

  @description('The window the metric is aggregated over, as an ISO 8601 duration.')
  windowSize: string

  @description('Metric namespace, the watched resource\'s type.')
  metricNamespace: string

  @description('Metric name.')
  metricName: string

  @description('Average, Maximum, Minimum, Total or Count.')
  aggregation: string

  @description('GreaterThan, GreaterThanOrEqual, LessThan or LessThanOrEqual.')
  operator: string

  @description('Threshold the aggregated metric is compared with, as decimal text: Bicep numbers are integers.')
  threshold: string

  @description('A dimension the metric is filtered on; null for none.')
  dimension: dimension?

  @description('The action groups notified, as indexes into `actionGroups`.')
  actionGroups: int[]
}

type logAlert = {
  @description('Name of the alert.')
  name: string

  @description('Where Azure runs the query: the watched component\'s location.')
  location: string

  @description('What the alert watches, in words.')
  description: string

  @description('The watched Application Insights component: its key in `scopeIds`, such as app_insights/eu.')
  scope: string

  @description('0 (critical) to 4 (verbose).')
  severity: int

  @description('How often the query runs, as an ISO 8601 duration.')
  frequency: string

  @description('The time range the query reads, as an ISO 8601 duration.')
  windowSize: string

  @description('Kusto query answering one row with a `value` column.')
  query: string

  @description('GreaterThan, GreaterThanOrEqual, LessThan or LessThanOrEqual.')
  operator: string

  @description('Threshold the value is compared with, as decimal text: Bicep numbers are integers.')
  threshold: string

  @description('The action groups notified, as indexes into `actionGroups`.')
  actionGroups: int[]
}

type availabilityTest = {
  @description('Name of the web test.')
  name: string

  @description('Resource group of the component that records the results.')
  resourceGroupName: string

  @description('The component\'s location, which the test shares.')
  location: string

  @description('What the test watches, in words.')
  description: string

  @description('The component: its key in `scopeIds`, such as app_insights/eu.')
  scope: string

  @description('The URL the probes request.')
  url: string

  @description('Seconds between runs: 300, 600 or 900.')
  frequency: int

  @description('Seconds a request may take before it fails.')
  timeout: int

  @description('The HTTP status a passing response has.')
  expectedStatusCode: int

  @description('Test location IDs the probes run from.')
  locations: string[]

  @description('Days the TLS certificate must still be valid for; 0 for no check.')
  certificateDays: int

  @description('Name of the alert on failed locations.')
  alertName: string

  @description('The window of the test\'s alerts, as an ISO 8601 duration.')
  alertWindowSize: string

  @description('0 (critical) to 4 (verbose).')
  severity: int

  @description('How many probe locations must fail to fire the alert.')
  failedLocations: int

  @description('Name of the alert on slow responses; empty for none.')
  durationAlertName: string

  @description('Average response time in milliseconds above which that alert fires; 0 for none.')
  slowerThanMs: int

  @description('The action groups notified, as indexes into `actionGroups`.')
  actionGroups: int[]
}

type activityAlert = {
  @description('Name of the alert.')
  name: string

  @description('Where Azure processes the alert: global, westeurope or northeurope.')
  location: string

  @description('What the alert watches, in words.')
  description: string

  @description('Administrative, ServiceHealth or ResourceHealth.')
  category: string

  @description('Administrative: the operation matched, such as a failover; empty otherwise.')
  operationName: string

  @description('Administrative: the type of the resources whose operations match; empty otherwise.')
  resourceType: string

  @description('ServiceHealth: the event types matched (Incident, Maintenance, ...).')
  events: string[]

  @description('ServiceHealth: the regions whose events match, by display name.')
  regions: string[]

  @description('The action groups notified, as indexes into `actionGroups`.')
  actionGroups: int[]
}

type dimension = {
  @description('Dimension name.')
  name: string

  @description('Values kept.')
  values: string[]
}

resource groups 'Microsoft.Insights/actionGroups@2023-01-01' = [
  for g in settings.actionGroups: {
    name: g.name
    location: 'global'
    tags: tags
    properties: {
      groupShortName: g.shortName
      enabled: true
      emailReceivers: empty(g.email)
        ? []
        : [
            {
              name: 'email'
              emailAddress: g.email
              useCommonAlertSchema: true
            }
          ]
      webhookReceivers: [
        for w in g.webhooks: {
          name: w
          serviceUri: webhookUrls[w]
          useCommonAlertSchema: true
        }
      ]
    }
  }
]

resource metricAlerts 'Microsoft.Insights/metricAlerts@2026-01-01' = [
  for a in settings.alerts: {
    name: a.name
    location: 'global'
    tags: tags
    properties: {
      description: a.description
      severity: a.severity
      enabled: true
      scopes: [
        scopeIds[a.scope]
      ]
      evaluationFrequency: a.frequency
      windowSize: a.windowSize
      criteria: {
        'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
        allOf: [
          {
            criterionType: 'StaticThresholdCriterion'
            name: 'metric'
            metricNamespace: a.metricNamespace
            metricName: a.metricName
            timeAggregation: a.aggregation
            operator: a.operator
            threshold: json(a.threshold)
            dimensions: a.?dimension == null
              ? []
              : [
                  {
                    name: a.dimension!.name
                    operator: 'Include'
                    values: a.dimension!.values
                  }
                ]
          }
        ]
      }
      actions: [
        for i in a.actionGroups: {
          actionGroupId: groups[i].id
        }
      ]
    }
  }
]

resource logAlerts 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for a in settings.logAlerts: {
    name: a.name
    location: a.location
    tags: tags
    kind: 'LogAlert'
    properties: {
      description: a.description
      severity: a.severity
      enabled: true
      scopes: [
        scopeIds[a.scope]
      ]
      evaluationFrequency: a.frequency
      windowSize: a.windowSize
      criteria: {
        allOf: [
          {
            query: a.query
            timeAggregation: 'Maximum'
            metricMeasureColumn: 'value'
            operator: a.operator
            threshold: json(a.threshold)
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: [for i in a.actionGroups: groups[i].id]
      }
    }
  }
]

module availabilityTests 'availability-test.bicep' = [
  for t in settings.availabilityTests: {
    scope: resourceGroup(t.resourceGroupName)
    params: {
      name: t.name
      location: t.location
      componentId: scopeIds[t.scope]
      summary: t.description
      url: t.url
      frequency: t.frequency
      timeout: t.timeout
      expectedStatusCode: t.expectedStatusCode
      locations: t.locations
      certificateDays: t.certificateDays
      tags: tags
    }
  }
]

resource availabilityAlerts 'Microsoft.Insights/metricAlerts@2026-01-01' = [
  for (t, i) in settings.availabilityTests: {
    name: t.alertName
    location: 'global'
    tags: tags
    properties: {
      description: 'Failed availability test: ${t.description}'
      severity: t.severity
      enabled: true
      scopes: [
        availabilityTests[i].outputs.id
        scopeIds[t.scope]
      ]
      evaluationFrequency: 'PT1M'
      windowSize: t.alertWindowSize
      criteria: {
        'odata.type': 'Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria'
        webTestId: availabilityTests[i].outputs.id
        componentId: scopeIds[t.scope]
        failedLocationCount: t.failedLocations
      }
      actions: [
        for g in t.actionGroups: {
          actionGroupId: groups[g].id
        }
      ]
    }
  }
]

resource durationAlerts 'Microsoft.Insights/metricAlerts@2026-01-01' = [
  for t in filter(settings.availabilityTests, t => t.slowerThanMs > 0): {
    name: t.durationAlertName
    location: 'global'
    tags: tags
    properties: {
      description: 'Slow availability test: ${t.description}'
      severity: t.severity
      enabled: true
      scopes: [
        scopeIds[t.scope]
      ]
      evaluationFrequency: 'PT1M'
      windowSize: t.alertWindowSize
      criteria: {
        'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
        allOf: [
          {
            criterionType: 'StaticThresholdCriterion'
            name: 'duration'
            metricNamespace: 'microsoft.insights/components'
            metricName: 'availabilityResults/duration'
            timeAggregation: 'Average'
            operator: 'GreaterThan'
            threshold: t.slowerThanMs
            dimensions: [
              {
                name: 'availabilityResult/name'
                operator: 'Include'
                values: [
                  t.name
                ]
              }
            ]
          }
        ]
      }
      actions: [
        for g in t.actionGroups: {
          actionGroupId: groups[g].id
        }
      ]
    }
  }
]

// Every condition must hold: a field equal to a value, a list containing one
// of the values, or one of several (anyOf), as azurerm 4.55.0 writes them
// (monitor_activity_log_alert_resource.go); empty fields add none.
resource activityAlerts 'Microsoft.Insights/activityLogAlerts@2026-01-01' = [
  for a in settings.activityAlerts: {
    name: a.name
    location: a.location
    tags: tags
    properties: {
      description: a.description
      enabled: true
      scopes: [
        subscription().id
      ]
      condition: {
        allOf: concat(
          [
            {
              field: 'category'
              equals: a.category
            }
          ],
          empty(a.operationName)
            ? []
            : [
                {
                  field: 'operationName'
                  equals: a.operationName
                }
              ],
          empty(a.resourceType)
            ? []
            : [
                {
                  field: 'resourceType'
                  equals: a.resourceType
                }
              ],
          empty(a.events)
            ? []
            : [
                {
                  anyOf: map(a.events, e => {
                    field: 'properties.incidentType'
                    equals: e
                  })
                }
              ],
          empty(a.regions)
            ? []
            : [
                {
                  field: 'properties.impactedServices[*].ImpactedRegions[*].RegionName'
                  containsAny: a.regions
                }
              ],
          a.category == 'ResourceHealth'
            ? [
                {
                  anyOf: [
                    {
                      field: 'properties.currentHealthStatus'
                      equals: 'Degraded'
                    }
                    {
                      field: 'properties.currentHealthStatus'
                      equals: 'Unavailable'
                    }
                  ]
                }
              ]
            : []
        )
      }
      actions: {
        actionGroups: [
          for i in a.actionGroups: {
            actionGroupId: groups[i].id
          }
        ]
      }
    }
  }
]

// A region's Azure Automation account, its runbooks and the schedules that
// start them.
//
// ARM takes a runbook's script only from a URI (publishContentLink): unlike
// azurerm, which uploads `content` itself, a template cannot carry the text.
// The scripts are in this tree under runbooks/<region>/; upload that folder
// where Azure can read it and give its URI in TOPOC_RUNBOOK_CONTENT_URI
// before deploying (<environment>.bicepparam reads it).
//
// The account has a system-assigned identity for the runbooks to sign in
// with; grant it roles on what they change. Public network access and local
// authentication are off: runbooks are published and started through Azure
// Resource Manager, which neither affects.

import { resourceTags } from 'types.bicep'

@description('The account and its runbooks.')
param settings automationSettings

@description('Azure location of the region, where the runbooks\' jobs run.')
param location string

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('When a runbook starts.')
type automationSchedule = {
  @description('How often the schedule fires.')
  frequency: ('OneTime' | 'Hour' | 'Day' | 'Week' | 'Month')

  @description('Periods between runs; ignored for OneTime.')
  interval: int

  @description('First run, RFC 3339; absent for seven minutes after the deployment starts.')
  startTime: string?
}

@export()
@description('A runbook published from a script in this tree.')
type automationRunbook = {
  @description('Name of the runbook.')
  name: string

  @description('Runbook type.')
  type: ('PowerShell72' | 'PowerShell' | 'PowerShellWorkflow' | 'Python3')

  @description('Description of the runbook; absent for none.')
  description: string?

  @description('Path of the script in the runbooks/ folder: <region>/<runbook>.ps1 or .py.')
  file: string

  @description('When the runbook starts; absent for on demand only.')
  schedule: automationSchedule?
}

@export()
@description('A region\'s Automation account.')
type automationSettings = {
  @description('Name of the account.')
  name: string

  @description('Pricing tier.')
  sku: ('Basic' | 'Free')

  @description('URI the tree\'s runbooks/ folder was uploaded to, without a trailing slash.')
  contentUri: string

  @description('The runbooks, in the order of the topology.')
  runbooks: automationRunbook[]
}

@description('When the deployment runs; the default start of schedules without one.')
param now string = utcNow()

resource account 'Microsoft.Automation/automationAccounts@2024-10-23' = {
  name: settings.name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    sku: {
      name: settings.sku
    }
    publicNetworkAccess: false
    disableLocalAuth: true
  }
}

resource runbooks 'Microsoft.Automation/automationAccounts/runbooks@2024-10-23' = [
  for runbook in settings.runbooks: {
    parent: account
    name: runbook.name
    location: location
    tags: tags
    properties: {
      runbookType: runbook.type
      description: runbook.?description
      logProgress: true
      logVerbose: false
      publishContentLink: {
        uri: '${settings.contentUri}/${runbook.file}'
      }
    }
  }
]

// Azure wants a schedule's first run at least five minutes ahead.
resource schedules 'Microsoft.Automation/automationAccounts/schedules@2024-10-23' = [
  for runbook in filter(settings.runbooks, r => r.?schedule != null): {
    parent: account
    name: runbook.name
    properties: {
      frequency: runbook.schedule!.frequency
      interval: runbook.schedule!.frequency == 'OneTime' ? null : runbook.schedule!.interval
      startTime: runbook.schedule!.?startTime ?? dateTimeAdd(now, 'PT7M')
      timeZone: 'Etc/UTC'
      description: 'Starts runbook ${runbook.name}.'
    }
  }
]

// A job schedule's name is a GUID; derived from the account and runbook so
// that deploying again finds the same one.
resource jobSchedules 'Microsoft.Automation/automationAccounts/jobSchedules@2024-10-23' = [
  for (runbook, i) in filter(settings.runbooks, r => r.?schedule != null): {
    parent: account
    name: guid(account.id, runbook.name)
    properties: {
      runbook: {
        name: runbook.name
      }
      schedule: {
        name: schedules[i].name
      }
    }
    dependsOn: [
      runbooks
    ]
  }
]

@description('Resource ID of the Automation account.')
output id string = account.id

@description('Object ID of the account\'s system-assigned identity.')
output principalId string = account.identity.principalId

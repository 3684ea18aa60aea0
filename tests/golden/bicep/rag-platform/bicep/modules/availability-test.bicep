// One availability (standard web) test, in the resource group of the
// Application Insights component that records its results: Azure links the
// two by the test's `hidden-link:<component ID>` tag.

import { resourceTags } from 'types.bicep'

@description('Name of the test.')
param name string

@description('The component\'s location, which the test must share.')
param location string

@description('Resource ID of the Application Insights component.')
param componentId string

@description('What the test watches, in words.')
param summary string

@description('The URL the probes request with GET.')
param url string

@description('Seconds between runs: 300, 600 or 900.')
param frequency int

@description('Seconds a request may take before it fails.')
param timeout int

@description('The HTTP status a passing response has.')
param expectedStatusCode int

@description('Test location IDs the probes run from.')
param locations string[]

@description('Days the TLS certificate must still be valid for; 0 for no check.')
param certificateDays int

@description('Tags on the test, besides the hidden link.')
param tags resourceTags

resource test 'Microsoft.Insights/webtests@2022-06-15' = {
  name: name
  location: location
  kind: 'standard'
  tags: union(tags, {
    'hidden-link:${componentId}': 'Resource'
  })
  properties: {
    SyntheticMonitorId: name
    Name: name
    Description: summary
    Enabled: true
    Frequency: frequency
    Timeout: timeout
    Kind: 'standard'
    RetryEnabled: false
    Locations: [
      for l in locations: {
        Id: l
      }
    ]
    Request: {
      RequestUrl: url
      HttpVerb: 'GET'
      ParseDependentRequests: true
      FollowRedirects: true
    }
    ValidationRules: {
      ExpectedHttpStatusCode: expectedStatusCode
      SSLCheck: startsWith(url, 'https://')
      SSLCertRemainingLifetimeCheck: certificateDays > 0 ? certificateDays : null
    }
  }
}

@description('Resource ID of the test.')
output id string = test.id

// The estate's edge: one Front Door profile and endpoint, one origin group
// per residency boundary holding that boundary's regions, and a rule set that
// sends each boundary's countries to its own origin group. Traffic no geo
// rule matches follows the route's default origin group (the topology's
// `unrouted` boundary), or is refused by the WAF with `unrouted = deny`.

import { resourceIds, resourceTags } from 'types.bicep'

@description('The profile, its origins, routes, rules and firewall.')
param settings frontDoorSettings

@description('Host name of each region\'s ingress, keyed by region; Front Door sends traffic there.')
param originHostNames hostNames

@description('Private Link services in front of regions\' ingresses, keyed by region (Premium only); other origins are reached publicly.')
param privateLinkTargetIds resourceIds

@description('Tags on every resource that takes tags.')
param tags resourceTags

@export()
@description('Host names keyed by region.')
type hostNames = {
  *: string
}

@export()
@description('The estate\'s Front Door.')
type frontDoorSettings = {
  @description('Name of the Front Door profile.')
  profileName: string

  @description('Name of the endpoint.')
  endpointName: string

  @description('Tier: Premium reaches origins through Private Link and runs managed WAF rules.')
  skuName: ('Standard_AzureFrontDoor' | 'Premium_AzureFrontDoor')

  @description('How origins are judged healthy and how close in latency they must be to share traffic.')
  loadBalancing: loadBalancingSettings

  @description('The health probe each origin group sends to its origins.')
  healthProbe: healthProbeSettings

  @description('Origin groups, one per residency boundary that serves traffic, and a twin of each for the routes whose session affinity differs from the profile\'s.')
  originGroups: originGroup[]

  @description('Origins, one per region with an ingress.')
  origins: origin[]

  @description('Routes of the endpoint.')
  routes: route[]

  @description('Name of the geo-routing rule set.')
  ruleSetName: string

  @description('Name of the rule set sending countries to the twin groups; absent when every route has the profile\'s affinity.')
  alternateRuleSetName: string?

  @description('Geo-match rules, each sending a list of countries to one origin group.')
  geoRules: geoRule[]

  @description('Custom domains every route serves, each with a certificate Front Door manages or one from a region\'s Key Vault; none when absent.')
  customDomains: customDomain[]?

  @description('Key Vaults holding custom domains\' certificates; the profile\'s identity reads each. None when absent.')
  certificateVaults: certificateVault[]?

  @description('The web application firewall; null for none.')
  waf: wafSettings?
}

type domainValidationToken = {
  @description('Host name of the custom domain.')
  hostName: string

  @description('Token the domain\'s `_dnsauth` TXT record holds.')
  validationToken: string
}

type customDomain = {
  @description('Host name clients use, such as api.example.com.')
  hostName: string

  @description('Name of the custom domain resource.')
  name: string

  @description('Public DNS zone this module writes the domain\'s CNAME and `_dnsauth` TXT records into; absent when DNS is managed elsewhere.')
  zone: string?

  @description('Name of the domain\'s record inside the zone, such as api.')
  recordName: string?

  @description('The Key Vault certificate the domain serves; absent for a certificate Front Door manages.')
  certificate: vaultCertificate?
}

type vaultCertificate = {
  @description('Name of the vault holding the certificate.')
  vaultName: string

  @description('Resource group of the vault.')
  resourceGroupName: string

  @description('Name of the certificate in the vault.')
  name: string

  @description('Name of the Front Door secret that points at it.')
  secretName: string
}

type certificateVault = {
  @description('Name of the vault.')
  name: string

  @description('Resource group of the vault.')
  resourceGroupName: string
}

type loadBalancingSettings = {
  @description('Extra latency, in milliseconds, within which origins count as equally fast.')
  additionalLatencyInMilliseconds: int

  @description('Probe results considered.')
  sampleSize: int

  @description('Successful probe results, of those, that make an origin healthy.')
  successfulSamplesRequired: int
}

type healthProbeSettings = {
  @description('Path probed, such as /healthz.')
  path: string

  @description('Http or Https.')
  protocol: ('Http' | 'Https')

  @description('GET or HEAD.')
  requestType: ('GET' | 'HEAD')

  @description('Seconds between probes.')
  intervalInSeconds: int
}

type originGroup = {
  @description('Key of the group: the boundary it serves, with /sticky or /nosticky for a twin.')
  key: string

  @description('Name of the origin group.')
  name: string

  @description('Whether a client keeps reaching the origin that served it first.')
  sessionAffinity: bool
}

type origin = {
  @description('Key of the region the origin is in.')
  region: string

  @description('Name of the origin.')
  name: string

  @description('Key of the origin group it belongs to.')
  originGroup: string

  @description('Priority within the group: 1 serves, 2 stands by until every 1 is unhealthy.')
  priority: int

  @description('Share of traffic among origins of equal priority.')
  weight: int

  @description('Azure location of the region; its Private Link service, if any, is there.')
  location: string
}

type route = {
  @description('Name of the route.')
  name: string

  @description('Path patterns the route matches, such as /api/*.')
  patterns: string[]

  @description('Refuses plain HTTP instead of redirecting it to HTTPS.')
  httpsOnly: bool

  @description('Key of the origin group traffic goes to unless a geo rule matches.')
  originGroup: string

  @description('Whether the route uses the twin groups and the alternate rule set.')
  alternate: bool

  @description('Caching at every Front Door edge location; absent when the route caches nothing.')
  cache: routeCache?
}

type routeCache = {
  @description('How the cache key treats the query string.')
  queryStringCachingBehavior:
    | 'IgnoreQueryString'
    | 'UseQueryString'
    | 'IgnoreSpecifiedQueryStrings'
    | 'IncludeSpecifiedQueryStrings'

  @description('Query parameters the Specified behaviours include in or leave out of the cache key.')
  queryStrings: string[]

  @description('Whether Front Door compresses the listed content types at the edge.')
  compressionEnabled: bool

  @description('MIME types Front Door compresses.')
  contentTypesToCompress: string[]
}

type geoRule = {
  @description('Name of the rule.')
  name: string

  @description('Order the rules run in, 1 first.')
  order: int

  @description('Two-letter country codes the rule matches.')
  countries: string[]

  @description('Key of the origin group the countries are sent to.')
  originGroup: string

  @description('Whether the rule belongs to the alternate rule set.')
  alternate: bool
}

type wafSettings = {
  @description('Name of the firewall policy.')
  name: string

  @description('Name of the security policy that applies it to the endpoint.')
  securityPolicyName: string

  @description('Prevention blocks matching requests; Detection only logs them.')
  mode: ('Prevention' | 'Detection')

  @description('Managed rule sets and their versions (Premium only).')
  managedRuleSets: managedRuleSet[]

  @description('Refuses clients from none of the admitted countries; absent when unlisted countries are routed.')
  denyUnrouted: denyUnroutedRule?

  @description('Rate-limit rules; absent when there are none.')
  rateLimits: rateLimitRule[]?
}

type rateLimitRule = {
  @description('Name of the custom rule.')
  name: string

  @description('Evaluation order among the custom rules, lower first.')
  priority: int

  @description('Window the requests are counted over: 1 or 5 minutes.')
  durationInMinutes: (1 | 5)

  @description('Matching requests one client address may make per window.')
  threshold: int

  @description('What the counted requests match: RequestUri or RemoteAddr.')
  matchVariable: ('RequestUri' | 'RemoteAddr')

  @description('Contains (URL parts) or IPMatch (every address).')
  operator: ('Contains' | 'IPMatch')

  @description('The URL parts, or the address ranges, matched.')
  matchValues: string[]
}

type denyUnroutedRule = {
  @description('Name of the custom rule.')
  name: string

  @description('Admitted country codes, at most 10 lists of at most 10; a client matching none of them is blocked.')
  admittedCountries: string[][]
}

type managedRuleSet = {
  @description('Rule set type, such as Microsoft_DefaultRuleSet.')
  type: string

  @description('Rule set version.')
  version: string
}

// Origins speak the protocol their health probe uses.
var forwardingProtocol = settings.healthProbe.protocol == 'Https' ? 'HttpsOnly' : 'HttpOnly'
var premium = settings.skuName == 'Premium_AzureFrontDoor'
var groupIndex = toObject(range(0, length(settings.originGroups)), i => settings.originGroups[i].key, i => i)
var domains = settings.?customDomains ?? []
var domainIndex = toObject(range(0, length(domains)), i => domains[i].hostName, i => i)
// Custom domains whose public DNS zone this module writes.
var zonedDomains = filter(domains, d => d.?zone != null)
var zoneNames = union(map(zonedDomains, d => d.?zone ?? ''), [])
var zoneIndex = toObject(range(0, length(zoneNames)), i => zoneNames[i], i => i)
var certificateVaults = settings.?certificateVaults ?? []
// The geo rule set, then the alternate-affinity routes' one: index 1.
var ruleSetNames = empty(settings.geoRules)
  ? []
  : concat([settings.ruleSetName], settings.?alternateRuleSetName == null ? [] : [settings.?alternateRuleSetName!])
// The WAF covers the endpoint's own host name and every custom domain.
var customDomainIds = [
  for (d, i) in domains: {
    id: customDomains[i].id
  }
]

resource profile 'Microsoft.Cdn/profiles@2026-10-01' = {
  name: settings.profileName
  location: 'global'
  tags: tags
  sku: {
    name: settings.skuName
  }
  // Front Door reads Key Vault certificates with this identity; without one
  // it would fall back to its shared app registration, which must be
  // registered in the tenant and granted each vault by hand.
  identity: empty(certificateVaults)
    ? null
    : {
        type: 'SystemAssigned'
      }
}

// Reading certificates from each vault that holds one, in the vault's
// resource group (the vault uses Azure RBAC; Front Door Standard/Premium
// passes its firewall as a trusted service).
module vaultAccess 'frontdoor-vault-access.bicep' = [
  for v in certificateVaults: {
    scope: resourceGroup(v.resourceGroupName)
    params: {
      vaultName: v.name
      profileId: profile.id
      principalId: profile.identity!.principalId
    }
  }
]

// A Key Vault certificate Front Door serves for a custom domain: the
// latest version, so Front Door picks up each renewal. One per domain, in
// the domains' order, deployed for those whose certificate is in Key Vault.
resource secrets 'Microsoft.Cdn/profiles/secrets@2026-10-01' = [
  for d in domains: if (d.?certificate != null) {
    parent: profile
    name: d.?certificate.?secretName ?? '${d.name}-managed'
    properties: {
      parameters: {
        type: 'CustomerCertificate'
        secretSource: {
          id: resourceId(
            d.?certificate.?resourceGroupName ?? '',
            'Microsoft.KeyVault/vaults/secrets',
            d.?certificate.?vaultName ?? '',
            d.?certificate.?name ?? ''
          )
        }
        useLatestVersion: true
      }
    }
    dependsOn: [
      vaultAccess
    ]
  }
]

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2026-10-01' = {
  parent: profile
  name: settings.endpointName
  location: 'global'
  tags: tags
  properties: {
    enabledState: 'Enabled'
  }
}

resource groups 'Microsoft.Cdn/profiles/originGroups@2026-10-01' = [
  for g in settings.originGroups: {
    parent: profile
    name: g.name
    properties: {
      sessionAffinityState: g.sessionAffinity ? 'Enabled' : 'Disabled'
      loadBalancingSettings: {
        additionalLatencyInMilliseconds: settings.loadBalancing.additionalLatencyInMilliseconds
        sampleSize: settings.loadBalancing.sampleSize
        successfulSamplesRequired: settings.loadBalancing.successfulSamplesRequired
      }
      healthProbeSettings: {
        probePath: settings.healthProbe.path
        probeProtocol: settings.healthProbe.protocol
        probeRequestType: settings.healthProbe.requestType
        probeIntervalInSeconds: settings.healthProbe.intervalInSeconds
      }
    }
  }
]

resource originResources 'Microsoft.Cdn/profiles/originGroups/origins@2026-10-01' = [
  for o in settings.origins: {
    parent: groups[groupIndex[o.originGroup]]
    name: o.name
    properties: {
      hostName: originHostNames[o.region]
      originHostHeader: originHostNames[o.region]
      httpPort: 80
      httpsPort: 443
      priority: o.priority
      weight: o.weight
      enabledState: 'Enabled'
      enforceCertificateNameCheck: true
      // The Private Link connection must be approved on the service once.
      sharedPrivateLinkResource: premium && contains(privateLinkTargetIds, o.region)
        ? {
            privateLink: {
              id: privateLinkTargetIds[o.region]
            }
            privateLinkLocation: o.location
            requestMessage: 'Front Door origin ${o.name}'
          }
        : null
    }
  }
]

// Public DNS zones the custom domains belong to. Front Door validates a
// domain through its `_dnsauth` TXT record and serves it through the CNAME.
resource zones 'Microsoft.Network/dnsZones@2018-05-01' = [
  for name in zoneNames: {
    name: name
    location: 'global'
    tags: tags
  }
]

// Custom domains with a certificate Front Door issues and renews, or one
// from Key Vault through the domain's secret.
resource customDomains 'Microsoft.Cdn/profiles/customDomains@2026-10-01' = [
  for (d, i) in domains: {
    parent: profile
    name: d.name
    properties: {
      hostName: d.hostName
      tlsSettings: {
        certificateType: d.?certificate == null ? 'ManagedCertificate' : 'CustomerCertificate'
        minimumTlsVersion: 'TLS12'
        secret: d.?certificate == null
          ? null
          : {
              id: secrets[i].id
            }
      }
      // By ID rather than through `zones`: Resource Manager may evaluate
      // both branches, and a domain without a zone has no index there.
      azureDnsZone: d.?zone == null
        ? null
        : {
            id: resourceId('Microsoft.Network/dnsZones', d.?zone ?? 'none')
          }
    }
    dependsOn: [
      zones
    ]
  }
]

resource validationRecords 'Microsoft.Network/dnsZones/TXT@2018-05-01' = [
  for d in zonedDomains: {
    parent: zones[zoneIndex[d.?zone ?? '']]
    name: '_dnsauth.${d.?recordName ?? ''}'
    properties: {
      TTL: 3600
      TXTRecords: [
        {
          value: [
            customDomains[domainIndex[d.hostName]].properties.validationProperties.validationToken
          ]
        }
      ]
    }
  }
]

// Written once the routes serve the domain and the WAF covers it, so Front
// Door never sees traffic for a domain it cannot yet serve.
resource domainRecords 'Microsoft.Network/dnsZones/CNAME@2018-05-01' = [
  for d in zonedDomains: {
    parent: zones[zoneIndex[d.?zone ?? '']]
    name: d.?recordName ?? ''
    properties: {
      TTL: 3600
      CNAMERecord: {
        cname: endpoint.properties.hostName
      }
    }
    dependsOn: [
      routeResources
      securityPolicy
    ]
  }
]

resource ruleSets 'Microsoft.Cdn/profiles/ruleSets@2026-10-01' = [
  for name in ruleSetNames: {
    parent: profile
    name: name
  }
]

resource rules 'Microsoft.Cdn/profiles/ruleSets/rules@2026-10-01' = [
  for r in settings.geoRules: {
    parent: ruleSets[r.alternate ? 1 : 0]
    name: r.name
    properties: {
      order: r.order
      matchProcessingBehavior: 'Stop'
      conditions: [
        {
          name: 'RemoteAddress'
          parameters: {
            typeName: 'DeliveryRuleRemoteAddressConditionParameters'
            operator: 'GeoMatch'
            negateCondition: false
            matchValues: r.countries
          }
        }
      ]
      actions: [
        {
          name: 'RouteConfigurationOverride'
          parameters: {
            typeName: 'DeliveryRuleRouteConfigurationOverrideActionParameters'
            // No cacheConfiguration: responses are not cached.
            originGroupOverride: {
              originGroup: {
                id: groups[groupIndex[r.originGroup]].id
              }
              forwardingProtocol: forwardingProtocol
            }
          }
        }
      ]
    }
    // A rule may only point at an origin group once its origins exist.
    dependsOn: [
      originResources
    ]
  }
]

resource routeResources 'Microsoft.Cdn/profiles/afdEndpoints/routes@2026-10-01' = [
  for r in settings.routes: {
    parent: endpoint
    name: r.name
    properties: {
      originGroup: {
        id: groups[groupIndex[r.originGroup]].id
      }
      ruleSets: empty(settings.geoRules)
        ? []
        : [
            {
              id: ruleSets[r.alternate ? 1 : 0].id
            }
          ]
      patternsToMatch: r.patterns
      // Redirecting HTTP needs HTTP accepted; an HTTPS-only route takes
      // HTTPS alone and redirects nothing.
      supportedProtocols: r.httpsOnly ? ['Https'] : ['Http', 'Https']
      httpsRedirect: r.httpsOnly ? 'Disabled' : 'Enabled'
      forwardingProtocol: forwardingProtocol
      linkToDefaultDomain: 'Enabled'
      // Every route serves every custom domain.
      customDomains: customDomainIds
      enabledState: 'Enabled'
      // Without a cache configuration the route caches nothing. Azure takes
      // the query parameters as one comma-separated string.
      cacheConfiguration: r.?cache == null
        ? null
        : {
            queryStringCachingBehavior: r.cache!.queryStringCachingBehavior
            queryParameters: empty(r.cache!.queryStrings) ? null : join(r.cache!.queryStrings, ',')
            compressionSettings: {
              isCompressionEnabled: r.cache!.compressionEnabled
              contentTypesToCompress: r.cache!.contentTypesToCompress
            }
          }
    }
    // Origins first, so a route never points at an empty group; the rules
    // run on the route.
    dependsOn: [
      originResources
      rules
    ]
  }
]

resource firewall 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies@2026-04-01' = if (settings.?waf != null) {
  name: settings.?waf.?name ?? 'none'
  location: 'Global'
  tags: tags
  sku: {
    name: settings.skuName
  }
  properties: {
    policySettings: {
      enabledState: 'Enabled'
      mode: settings.?waf.?mode ?? 'Prevention'
    }
    // `unrouted = deny`: a request whose client address matches none of the
    // admitted countries is blocked before any route sees it. Conditions of
    // one rule are ANDed, so each negated list narrows what is refused.
    // Rate limits: each client socket address's matching requests are
    // counted over a fixed 1 or 5 minute window, and blocked for the rest of
    // it once past the threshold.
    customRules: {
      rules: concat(
        settings.?waf.?denyUnrouted == null
          ? []
          : [
              {
                name: settings.?waf.?denyUnrouted.?name ?? 'none'
                priority: 1
                enabledState: 'Enabled'
                ruleType: 'MatchRule'
                action: 'Block'
                matchConditions: map(settings.?waf.?denyUnrouted.?admittedCountries ?? [], countries => {
                  matchVariable: 'RemoteAddr'
                  operator: 'GeoMatch'
                  negateCondition: true
                  matchValue: countries
                })
              }
            ],
        map(settings.?waf.?rateLimits ?? [], limit => {
          name: limit.name
          priority: limit.priority
          enabledState: 'Enabled'
          ruleType: 'RateLimitRule'
          action: 'Block'
          rateLimitDurationInMinutes: limit.durationInMinutes
          rateLimitThreshold: limit.threshold
          matchConditions: [
            {
              matchVariable: limit.matchVariable
              operator: limit.operator
              negateCondition: false
              matchValue: limit.matchValues
            }
          ]
        })
      )
    }
    // Managed rule sets need a Premium profile; a Standard policy holds
    // custom rules only.
    managedRules: {
      managedRuleSets: [
        for s in (premium ? settings.?waf.?managedRuleSets ?? [] : []): {
          ruleSetType: s.type
          ruleSetVersion: s.version
          ruleSetAction: 'Block'
        }
      ]
    }
  }
}

resource securityPolicy 'Microsoft.Cdn/profiles/securityPolicies@2026-10-01' = if (settings.?waf != null) {
  parent: profile
  name: settings.?waf.?securityPolicyName ?? 'none'
  properties: {
    parameters: {
      type: 'WebApplicationFirewall'
      wafPolicy: {
        id: firewall.id
      }
      associations: [
        {
          domains: concat(
            [
              {
                id: endpoint.id
              }
            ],
            customDomainIds
          )
          patternsToMatch: [
            '/*'
          ]
        }
      ]
    }
  }
}

@description('Resource ID of the profile.')
output profileId string = profile.id

@description('Host name of the endpoint; point the public CNAME here.')
output endpointHostName string = endpoint.properties.hostName

@description('Validation token of each custom domain; the `_dnsauth.<name>` TXT record holds it.')
output customDomainValidationTokens domainValidationToken[] = [
  for (d, i) in domains: {
    hostName: d.hostName
    validationToken: customDomains[i].properties.validationProperties.validationToken
  }
]

// Public DNS: the zones topoc makes and the record sets it writes, one per
// type at a name. Records may also go into a zone the Front Door module
// makes for its custom domains; main.bicep then deploys this module after
// that one.

import { resourceTags } from 'types.bicep'

@description('The zones to make and the record sets to write.')
param settings dnsSettings

@description('Tags on the zones; the record sets carry them as metadata.')
param tags resourceTags

@export()
@description('Public DNS zones and record sets.')
type dnsSettings = {
  @description('Zones this module makes, e.g. example.com; the Front Door module\'s are left out.')
  zones: string[]

  @description('The record sets, in any zone of the deployment\'s resource group.')
  records: dnsRecord[]
}

@description('The record set of one type at one name.')
type dnsRecord = {
  @description('The zone, e.g. example.com.')
  zone: string

  @description('Name relative to the zone; @ for the apex.')
  name: string

  @description('Record type.')
  type: 'A' | 'AAAA' | 'CNAME' | 'TXT'

  @description('Time to live in seconds.')
  ttl: int

  @description('IPv4 or IPv6 addresses, the one host name a CNAME points to, or text values.')
  values: string[]
}

resource zones 'Microsoft.Network/dnsZones@2018-05-01' = [
  for name in settings.zones: {
    name: name
    location: 'global'
    tags: tags
  }
]

// The zone of each record, whoever made it.
resource recordZones 'Microsoft.Network/dnsZones@2018-05-01' existing = [
  for record in settings.records: {
    name: record.zone
  }
]

resource aRecords 'Microsoft.Network/dnsZones/A@2018-05-01' = [
  for (record, i) in settings.records: if (record.type == 'A') {
    parent: recordZones[i]
    name: record.name
    properties: {
      TTL: record.ttl
      metadata: tags
      ARecords: map(record.values, address => { ipv4Address: address })
    }
    dependsOn: [
      zones
    ]
  }
]

resource aaaaRecords 'Microsoft.Network/dnsZones/AAAA@2018-05-01' = [
  for (record, i) in settings.records: if (record.type == 'AAAA') {
    parent: recordZones[i]
    name: record.name
    properties: {
      TTL: record.ttl
      metadata: tags
      AAAARecords: map(record.values, address => { ipv6Address: address })
    }
    dependsOn: [
      zones
    ]
  }
]

resource cnameRecords 'Microsoft.Network/dnsZones/CNAME@2018-05-01' = [
  for (record, i) in settings.records: if (record.type == 'CNAME') {
    parent: recordZones[i]
    name: record.name
    properties: {
      TTL: record.ttl
      metadata: tags
      CNAMERecord: {
        cname: record.values[0]
      }
    }
    dependsOn: [
      zones
    ]
  }
]

resource txtRecords 'Microsoft.Network/dnsZones/TXT@2018-05-01' = [
  for (record, i) in settings.records: if (record.type == 'TXT') {
    parent: recordZones[i]
    name: record.name
    properties: {
      TTL: record.ttl
      metadata: tags
      // Split into strings of at most 254 characters, as azurerm does.
      TXTRecords: map(record.values, value => {
        value: map(
          range(0, (length(value) + 253) / 254),
          k => substring(value, k * 254, min(254, length(value) - k * 254))
        )
      })
    }
    dependsOn: [
      zones
    ]
  }
]

@description('Name servers of each zone this module makes, in the order of settings.zones; delegate the zone to them at its registrar.')
output nameServers string[][] = [for (name, i) in settings.zones: zones[i].properties.nameServers]

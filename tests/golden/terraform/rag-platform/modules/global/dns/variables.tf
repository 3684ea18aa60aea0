variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the zones (the estate's global one)."
}

variable "zones" {
  type        = set(string)
  description = "Public zones this module makes, e.g. example.com; zones the frontdoor module makes are left out."
  default     = []
}

variable "a_records" {
  type = map(object({
    zone    = string
    name    = string
    ttl     = number
    records = list(string)
  }))
  description = "A record sets keyed by full name: zone, name relative to it (@ for the apex), TTL in seconds and IPv4 addresses."
  default     = {}
}

variable "aaaa_records" {
  type = map(object({
    zone    = string
    name    = string
    ttl     = number
    records = list(string)
  }))
  description = "AAAA record sets keyed by full name, with IPv6 addresses."
  default     = {}
}

variable "cname_records" {
  type = map(object({
    zone   = string
    name   = string
    ttl    = number
    record = string
  }))
  description = "CNAME record sets keyed by full name, each with the host name it points to."
  default     = {}
}

variable "txt_records" {
  type = map(object({
    zone   = string
    name   = string
    ttl    = number
    values = list(string)
  }))
  description = "TXT record sets keyed by full name, each with its text values."
  default     = {}
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to the zones and record sets."
}

variable "name" {
  type        = string
  description = "Name of the search service."
}

variable "location" {
  type        = string
  description = "Azure location of the search service."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the search service and its private endpoint."
}

variable "sku" {
  type        = string
  description = "Pricing tier: basic, standard, standard2, standard3, storage_optimized_l1 or storage_optimized_l2."
}

variable "replica_count" {
  type        = number
  description = "Replicas serving queries (two or more for a read SLA, three for read-write)."
}

variable "partition_count" {
  type        = number
  description = "Partitions holding the indexes (1, 2, 3, 4, 6 or 12)."
}

variable "private_endpoint" {
  type = object({
    name                 = string
    location             = string
    subnet_id            = string
    private_dns_zone_ids = list(string)
  })
  description = "Private endpoint in the region's endpoints subnet (location = the VNet's), registered in the service's private DNS zones."
}

variable "shared_private_links" {
  type = map(object({
    name               = string
    subresource_name   = string
    target_resource_id = string
  }))
  description = "Shared private links to the region's storage (blob) and Azure OpenAI account (openai_account), keyed by blob and openai."
  default     = {}
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
}

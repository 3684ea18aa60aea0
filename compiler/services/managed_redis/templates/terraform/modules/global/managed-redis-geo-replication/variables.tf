variable "managed_redis_id" {
  type        = string
  description = "Resource ID of the group's first Managed Redis instance."
}

variable "linked_managed_redis_ids" {
  type        = list(string)
  description = "Resource IDs of the group's other instances: one to four."

  validation {
    condition     = length(var.linked_managed_redis_ids) >= 1 && length(var.linked_managed_redis_ids) <= 4
    error_message = "A geo-replication group links one to four other instances."
  }
}

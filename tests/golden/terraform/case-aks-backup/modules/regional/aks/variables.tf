variable "name" {
  type        = string
  description = "Name of the AKS cluster."
}

variable "location" {
  type        = string
  description = "Azure location of the cluster."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the cluster."
}

variable "dns_prefix" {
  type        = string
  description = "DNS prefix of the cluster's API server (1-54 letters, digits and hyphens)."
}

variable "kubernetes_version" {
  type        = string
  description = "Kubernetes version; null lets AKS pick its default version."
  default     = null
}

variable "sku_tier" {
  type        = string
  description = "AKS pricing tier; Standard carries the uptime SLA a multi-region estate relies on."
  default     = "Standard"
}

variable "private_cluster" {
  type        = bool
  description = "Whether the API server is reachable only from inside the VNet."
}

variable "network_policy" {
  type        = string
  description = "Kubernetes network policy engine: azure, calico or cilium."

  validation {
    condition     = contains(["azure", "calico", "cilium"], var.network_policy)
    error_message = "The network_policy must be azure, calico or cilium."
  }
}

variable "service_cidr" {
  type        = string
  description = "Address range of Kubernetes services; never routed outside the cluster."
}

variable "dns_service_ip" {
  type        = string
  description = "Address of the cluster DNS service, inside service_cidr."
}

variable "subnet_id" {
  type        = string
  description = "Subnet the nodes and pods take addresses from (Azure CNI)."
}

variable "network_subnet_ids" {
  type        = map(string)
  description = "Subnets the cluster places nodes and load balancers in, keyed by role (aks, ingress); the cluster identity gets Network Contributor on each."
}

variable "log_analytics_workspace_id" {
  type        = string
  description = "Workspace that receives Container Insights data; null disables the agent."
  default     = null
}

variable "container_insights_rule_name" {
  type        = string
  description = "Name of the data collection rule that sends Container Insights data to the workspace; null for none (no workspace)."
  default     = null
}

variable "container_insights_location" {
  type        = string
  description = "Location of that rule: the workspace's, as Azure Monitor requires of a rule with a Log Analytics destination; null for the cluster's."
  default     = null
}

variable "system_pool" {
  type = object({
    name            = string
    vm_size         = string
    zones           = list(string)
    min_count       = number
    max_count       = number
    os_disk_size_gb = number
    max_pods        = number
    labels          = map(string)
  })
  description = "The system node pool that runs cluster add-ons."
}

variable "user_pools" {
  type = map(object({
    vm_size         = string
    zones           = list(string)
    min_count       = number
    max_count       = number
    os_disk_size_gb = number
    max_pods        = number
    labels          = map(string)
    taints          = list(string)
  }))
  description = "Workload node pools keyed by pool name (lowercase letters and digits, at most 12)."
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
}

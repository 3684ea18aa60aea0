variable "names" {
  type        = map(string)
  description = "Definition names keyed by JSON file name (without .json); unique in the subscription."
}

variable "display_suffix" {
  type        = string
  description = "Added to every display name to tell this topology's definitions apart (topology/environment)."
}

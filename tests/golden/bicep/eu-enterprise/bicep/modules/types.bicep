// Types the modules share.

@export()
@description('Tags: names to values.')
type resourceTags = {
  *: string
}

@export()
@description('Resource IDs keyed by name: subnets by what they are for, DNS zones by zone name.')
type resourceIds = {
  *: string
}

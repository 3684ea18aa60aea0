# Values for the prod environment of topology "pubsec-info-assistant".
# The subscription to deploy to; without it the provider reads ARM_SUBSCRIPTION_ID.
# subscription_id = "00000000-0000-0000-0000-000000000000"

# The ingress host name of each region, known once its ingress exists:
# origin_host_names = {
#   primary = "ingress.primary.example.com"
#   standby = "ingress.standby.example.com"
# }

# The public IP in front of each region's ingress, known once it exists:
# ingress_public_ip_ids = {
#   primary = "/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/publicIPAddresses/<name>"
#   standby = "/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/publicIPAddresses/<name>"
# }

tag_policy_effect = "Deny"

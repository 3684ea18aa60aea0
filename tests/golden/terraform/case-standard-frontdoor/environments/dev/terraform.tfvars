# Values for the dev environment of topology "edge-only".
# The subscription to deploy to; without it the provider reads ARM_SUBSCRIPTION_ID.
# subscription_id = "00000000-0000-0000-0000-000000000000"

# The ingress host name of each region, known once its ingress exists:
# origin_host_names = {
#   main = "ingress.main.example.com"
#   standby = "ingress.standby.example.com"
# }

tag_policy_effect = "Deny"

# Values for the prod environment of topology "deny-edge".
# The subscription to deploy to; without it the provider reads ARM_SUBSCRIPTION_ID.
# subscription_id = "00000000-0000-0000-0000-000000000000"

# The ingress host name of each region, known once its ingress exists:
# origin_host_names = {
#   use = "ingress.use.example.com"
#   usw = "ingress.usw.example.com"
#   we = "ingress.we.example.com"
# }

tag_policy_effect = "Deny"

# Values for the test environment of topology "clusters".
# The subscription to deploy to; without it the provider reads ARM_SUBSCRIPTION_ID.
# subscription_id = "00000000-0000-0000-0000-000000000000"

tag_policy_effect = "Deny"

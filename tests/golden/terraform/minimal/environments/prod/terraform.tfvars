# Values for the prod environment of topology "minimal".
# Set the subscription here or in ARM_SUBSCRIPTION_ID-aware tooling:
# subscription_id = "00000000-0000-0000-0000-000000000000"

tag_policy_effect = "Deny"

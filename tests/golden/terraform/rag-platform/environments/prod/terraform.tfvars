# Values for the prod environment of topology "rag-platform".
# The subscription to deploy to; without it the provider reads ARM_SUBSCRIPTION_ID.
# subscription_id = "00000000-0000-0000-0000-000000000000"

# The ingress host name of each region, known once its ingress exists:
# origin_host_names = {
#   us = "ingress.us.example.com"
#   eu = "ingress.eu.example.com"
# }

# The alert webhook URLs carry credentials: set them through
# TF_VAR_alert_webhook_urls or a secret store, never in this file:
# alert_webhook_urls = {
#   pagerduty = "https://alerts.example.com/pagerduty"
#   teams = "https://alerts.example.com/teams"
# }

tag_policy_effect = "Deny"

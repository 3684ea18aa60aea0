# A runbook for the invalid examples: it only has to exist and be UTF-8.
Write-Output 'drill'

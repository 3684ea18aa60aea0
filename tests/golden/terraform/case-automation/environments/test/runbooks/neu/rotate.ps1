# Signs in with the account's identity and lists the vaults it can see; a
# PowerShell 7.2 runbook for the Automation case.
Connect-AzAccount -Identity | Out-Null
Get-AzKeyVault | ForEach-Object { Write-Output $_.VaultName }

# DR-Failover-Drill: checks that the standby could take over, without moving
# any traffic or data. Runs in the Automation account with its
# system-assigned identity, which needs Reader on the estate's resource
# groups. Finds the estate's resources by the `topology` tag topoc sets.
param(
    [string] $Topology = 'dr-platform'
)

$ErrorActionPreference = 'Stop'
Connect-AzAccount -Identity | Out-Null

$resources = Get-AzResource -TagName 'topology' -TagValue $Topology
$failed = 0

# Cosmos DB: the standby must be a write region and second in the failover
# priority, so that automatic failover has somewhere to go.
foreach ($r in $resources | Where-Object ResourceType -eq 'Microsoft.DocumentDB/databaseAccounts') {
    $account = Get-AzCosmosDBAccount -ResourceGroupName $r.ResourceGroupName -Name $r.Name
    $policies = $account.FailoverPolicies | Sort-Object FailoverPriority
    Write-Output ("Cosmos DB {0}: failover order {1}" -f $r.Name, (($policies | ForEach-Object LocationName) -join ', '))
    if ($policies.Count -lt 2) {
        Write-Output "  FAIL: no second region to fail over to"
        $failed++
    }
}

# Traffic Manager: every endpoint must be online and its probe passing.
foreach ($r in $resources | Where-Object ResourceType -eq 'Microsoft.Network/trafficManagerProfiles') {
    $profile = Get-AzTrafficManagerProfile -ResourceGroupName $r.ResourceGroupName -Name $r.Name
    foreach ($e in $profile.Endpoints) {
        Write-Output ("Traffic Manager {0}/{1}: priority {2}, {3}, {4}" -f $r.Name, $e.Name, $e.Priority, $e.EndpointStatus, $e.EndpointMonitorStatus)
        if ($e.EndpointStatus -ne 'Enabled' -or $e.EndpointMonitorStatus -ne 'Online') { $failed++ }
    }
}

if ($failed -gt 0) { throw "drill found $failed problem(s); the standby is not ready" }
Write-Output 'drill passed: the standby is ready to take over'

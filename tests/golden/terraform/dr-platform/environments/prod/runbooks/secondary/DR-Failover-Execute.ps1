# DR-Failover-Execute: moves the platform to the standby region. Started by
# hand (or from an alert's action group) when the primary is lost. The
# account's system-assigned identity needs Contributor on the Cosmos DB
# account and the Traffic Manager profile.
#
# Steps, in the seed's order: Traffic Manager first (stop sending users to
# the primary), then Cosmos DB (make the standby first in the failover
# priority). Scaling the standby's compute up is left to the operator.
param(
    [string] $Topology = 'dr-platform',
    # The Traffic Manager endpoint of the primary (named after its region key).
    [string] $PrimaryEndpoint = 'primary',
    [string] $StandbyLocation = 'westus2'
)

# Cosmos DB names locations `West US 2`; the topology writes `westus2`.
function Get-LocationKey([string] $Name) { ($Name -replace '\s', '').ToLowerInvariant() }

$ErrorActionPreference = 'Stop'
Connect-AzAccount -Identity | Out-Null

$resources = Get-AzResource -TagName 'topology' -TagValue $Topology

# Traffic Manager: disable the primary's endpoint so that the priority
# routing answers with the standby's.
foreach ($r in $resources | Where-Object ResourceType -eq 'Microsoft.Network/trafficManagerProfiles') {
    $profile = Get-AzTrafficManagerProfile -ResourceGroupName $r.ResourceGroupName -Name $r.Name
    foreach ($e in $profile.Endpoints | Where-Object Name -eq $PrimaryEndpoint) {
        Write-Output ("disabling Traffic Manager endpoint {0}/{1}" -f $r.Name, $e.Name)
        Disable-AzTrafficManagerEndpoint -Name $e.Name -ProfileName $r.Name -ResourceGroupName $r.ResourceGroupName -Type $e.Type.Split('/')[-1] -Force | Out-Null
    }
}

# Cosmos DB: the standby becomes priority 0, the write region automatic
# failover and single-region writers use.
foreach ($r in $resources | Where-Object ResourceType -eq 'Microsoft.DocumentDB/databaseAccounts') {
    $account = Get-AzCosmosDBAccount -ResourceGroupName $r.ResourceGroupName -Name $r.Name
    $regions = @($account.FailoverPolicies | Sort-Object FailoverPriority | ForEach-Object LocationName)
    $standby = @($regions | Where-Object { (Get-LocationKey $_) -eq (Get-LocationKey $StandbyLocation) })
    if ($standby.Count -ne 1) { throw "Cosmos DB $($r.Name) has no region $StandbyLocation" }
    $order = $standby + @($regions | Where-Object { $_ -ne $standby[0] })
    Write-Output ("Cosmos DB {0}: failover priority {1}" -f $r.Name, ($order -join ', '))
    Update-AzCosmosDBAccountFailoverPriority -ResourceGroupName $r.ResourceGroupName -Name $r.Name -FailoverPolicy $order | Out-Null
}

Write-Output "failover to $StandbyLocation done"

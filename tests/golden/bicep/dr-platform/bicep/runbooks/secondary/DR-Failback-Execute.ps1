# DR-Failback-Execute: returns the platform to the primary region once it is
# healthy again, undoing DR-Failover-Execute: Cosmos DB first (the primary
# back at priority 0, after its replica has caught up), then Traffic
# Manager (the primary's endpoints enabled again). The account's
# system-assigned identity needs Contributor on both.
param(
    [string] $Topology = 'dr-platform',
    # The Traffic Manager endpoint of the primary (named after its region key).
    [string] $PrimaryEndpoint = 'primary',
    [string] $PrimaryLocation = 'eastus'
)

# Cosmos DB names locations `East US`; the topology writes `eastus`.
function Get-LocationKey([string] $Name) { ($Name -replace '\s', '').ToLowerInvariant() }

$ErrorActionPreference = 'Stop'
Connect-AzAccount -Identity | Out-Null

$resources = Get-AzResource -TagName 'topology' -TagValue $Topology

foreach ($r in $resources | Where-Object ResourceType -eq 'Microsoft.DocumentDB/databaseAccounts') {
    $account = Get-AzCosmosDBAccount -ResourceGroupName $r.ResourceGroupName -Name $r.Name
    $regions = @($account.FailoverPolicies | Sort-Object FailoverPriority | ForEach-Object LocationName)
    $primary = @($regions | Where-Object { (Get-LocationKey $_) -eq (Get-LocationKey $PrimaryLocation) })
    if ($primary.Count -ne 1) { throw "Cosmos DB $($r.Name) has no region $PrimaryLocation" }
    $order = $primary + @($regions | Where-Object { $_ -ne $primary[0] })
    Write-Output ("Cosmos DB {0}: failover priority {1}" -f $r.Name, ($order -join ', '))
    Update-AzCosmosDBAccountFailoverPriority -ResourceGroupName $r.ResourceGroupName -Name $r.Name -FailoverPolicy $order | Out-Null
}

foreach ($r in $resources | Where-Object ResourceType -eq 'Microsoft.Network/trafficManagerProfiles') {
    $profile = Get-AzTrafficManagerProfile -ResourceGroupName $r.ResourceGroupName -Name $r.Name
    foreach ($e in $profile.Endpoints | Where-Object Name -eq $PrimaryEndpoint) {
        Write-Output ("enabling Traffic Manager endpoint {0}/{1}" -f $r.Name, $e.Name)
        Enable-AzTrafficManagerEndpoint -Name $e.Name -ProfileName $r.Name -ResourceGroupName $r.ResourceGroupName -Type $e.Type.Split('/')[-1] | Out-Null
    }
}

Write-Output "failback to $PrimaryLocation done"

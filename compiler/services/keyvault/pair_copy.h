// Where Azure copies a Key Vault's contents besides its own region. There is
// no setting for it: the vault's location alone decides.
#pragma once

#include <string_view>

namespace topoc::services::keyvault {

// The catalogue name of the paired region Azure replicates the contents of a
// vault in `location` to, or "" when they stay in the region: a region
// without a pair, a pair in another geography (Brazil South), and West US 3
// (Microsoft Learn, "Azure Key Vault availability and redundancy").
std::string_view pair_copy_location(std::string_view location);

}  // namespace topoc::services::keyvault

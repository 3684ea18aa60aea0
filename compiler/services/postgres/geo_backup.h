// Where Azure offers geo-redundant backup for PostgreSQL flexible server:
// only in paired locations, and not in every one of them (the
// "Geo-Redundant backup" column of MicrosoftDocs/azure-databases-docs
// articles/postgresql/flexible-server/includes/regions-table.md, 2025-11-18;
// Belgium Central from its 2025-12-22 copy).
#pragma once

#include <string_view>

namespace topoc::services::postgres {

// Whether a paired `location` (catalogue name) is one Azure refuses
// geo-redundant backup in.
bool geo_backup_withheld(std::string_view location);

}  // namespace topoc::services::postgres

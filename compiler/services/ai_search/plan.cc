// A region's AI Search service, its private endpoint and its shared private
// links to the region's storage and OpenAI account.
#include <fmt/format.h>

#include "compiler/estate/add_resource.h"
#include "compiler/naming/search_links.h"
#include "compiler/services/registry.h"

namespace topoc::services::ai_search {

void plan(estate::Estate& e) {
  for (const model::Region& r : e.topology->regions) {
    if (!r.search) continue;
    const std::string k = estate::instance(r.key);
    auto& search = estate::add_regional(e, r, "module.search" + k + ".azurerm_search_service.this",
                                        "azurerm_search_service", e.names.region(r.key, "search"),
                                        r.location.value,
                                        {{"sku", r.search->sku.value},
                                         {"replica_count", r.search->replicas.value},
                                         {"partition_count", r.search->partitions.value},
                                         {"public_network_access_enabled", false}},
                                        true);
    search.source = r.search->location;
    search.placements.push_back(estate::follows_region(r, "the search index"));
    estate::add_private_endpoint(e, r, "search", "search", "searchService");
    for (const naming::SearchSharedLink& link : naming::search_shared_links(r)) {
      estate::add_regional(
          e, r,
          fmt::format("module.search{}.azurerm_search_shared_private_link_service.this{}", k,
                      estate::instance(link.key)),
          "azurerm_search_shared_private_link_service", link.name, r.location.value,
          {{"subresource_name", link.group_id}}, false)
          .source = r.search->location;
    }
  }
}

}  // namespace topoc::services::ai_search

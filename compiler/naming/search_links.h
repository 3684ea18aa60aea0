// The shared private links a region's AI Search service needs. Storage and
// Azure OpenAI keep public network access off, so the search service reaches
// them only through private endpoints it owns (shared private links): the
// indexer reads the region's blob storage (group id `blob`), and indexers
// and vectorizers call the region's Azure OpenAI account for embeddings
// (group id `openai_account`). Each region's search service links only to
// its own region's storage and OpenAI, like its indexes hold only its own
// boundary's data. Source: Microsoft Learn, "Make outbound connections
// through a shared private link" (supported resource types and group ids;
// Basic tier and higher, which every `search { sku }` topoc accepts is).
// Names, emitters and the manifest all read the links from here.
#pragma once

#include <string_view>
#include <vector>

#include "compiler/model/topology.h"

namespace topoc::naming {

struct SearchSharedLink {
  std::string_view key;       // "blob" or "openai": the for_each key
  std::string_view name;      // unique within the search service
  std::string_view group_id;  // the target's Private Link sub-resource
  model::Service target;      // the region's service the link reaches
};

// Empty when the region runs no AI Search; in a fixed order (blob, openai).
std::vector<SearchSharedLink> search_shared_links(const model::Region& region);

}  // namespace topoc::naming

#include "compiler/naming/search_links.h"

namespace topoc::naming {

std::vector<SearchSharedLink> search_shared_links(const model::Region& r) {
  std::vector<SearchSharedLink> out;
  if (!r.search) return out;
  if (r.storage) out.push_back({"blob", "spl-blob", "blob", model::Service::kStorage});
  if (r.openai) out.push_back({"openai", "spl-openai", "openai_account", model::Service::kOpenAI});
  return out;
}

}  // namespace topoc::naming

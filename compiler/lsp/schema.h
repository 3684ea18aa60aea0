// The language as the model readers read it: for each block path
// ("topology/region/aks"), the attributes and blocks it takes and, where the
// reader knows them, the values an attribute accepts. Found by running the
// readers on probe documents and watching what they ask (ReaderObserver),
// so completion can never offer a key the checker would call unknown.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace topoc::lsp {

struct KeySchema {
  std::string key;
  bool attribute = false;  // `key = value`
  bool block = false;      // `key { ... }` (both for `waf`, `geo`)
  bool boolean = false;
  bool location = false;
  std::vector<std::string> choices;  // the spellings a choice accepts, in the reader's order
};

struct BlockSchema {
  std::vector<KeySchema> keys;  // in the order the reader asks for them
  const KeySchema* find(std::string_view key) const;
};

// Block paths join the keys from `topology` down with `/`.
const std::map<std::string, BlockSchema>& language_schema();

}  // namespace topoc::lsp

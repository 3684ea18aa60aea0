#include "compiler/drift/type_name.h"

#include <mutex>
#include <unordered_set>

#include "compiler/text/string_map.h"

namespace topoc::drift {
namespace {

struct Pool {
  std::mutex lock;
  // Nodes never move, so the strings' addresses are stable. Looked up by
  // view first: most calls find a type already there, with no copy made.
  std::unordered_set<std::string, StringHash, std::equal_to<>> names;
};

Pool& pool() {
  static auto* p = new Pool();  // outlives every static that may hold a name
  return *p;
}

}  // namespace

TypeName TypeName::of(std::string_view text) {
  if (text.empty()) return {};
  Pool& p = pool();
  std::lock_guard<std::mutex> hold(p.lock);
  auto it = p.names.find(text);
  if (it == p.names.end()) it = p.names.emplace(text).first;
  return TypeName(&*it);
}

const std::string& TypeName::str() const {
  static const std::string kEmpty;
  return text_ ? *text_ : kEmpty;
}

}  // namespace topoc::drift

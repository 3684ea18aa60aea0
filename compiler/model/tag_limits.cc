// M014-M016: the tags topoc puts on every resource must be tags Azure accepts.
// Limits from Microsoft Learn, "Use tags to organize your Azure resources and
// management hierarchy" (azure-resource-manager/management/tag-resources,
// Limitations): at most 50 tags per resource; a tag name at most 512
// characters (128 on storage accounts) and without `<`, `>`, `%`, `&`, `\`,
// `?`, `/`; a tag value at most 256 characters.
#include <fmt/format.h>

#include <set>

#include "compiler/model/build_parts.h"
#include "compiler/text/ascii.h"

namespace topoc::model {
namespace {

using diag::Kind;

constexpr size_t kMaxTags = 50;
constexpr size_t kMaxNameChars = 512;
constexpr size_t kMaxStorageNameChars = 128;
constexpr size_t kMaxValueChars = 256;
constexpr std::string_view kForbiddenInNames = "<>%&\\?/";

// Azure counts characters; the text is valid UTF-8 by now (P002).
size_t characters(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  return n;
}

void check_value(const ReadContext& ctx, dsl::Span span, std::string_view tag,
                 std::string_view value) {
  size_t length = characters(value);
  if (length <= kMaxValueChars) return;
  ctx.report(Kind::TagValueTooLong, span,
             fmt::format("the value of tag `{}` is {} characters long; Azure allows {}", tag,
                         length, kMaxValueChars));
}

}  // namespace

void check_tag_limits(const ReadContext& ctx, const dsl::Node* tags, const Topology& t) {
  bool storage = false;
  for (const Region& r : t.regions) storage = storage || r.has(Service::kStorage);
  size_t max_name = storage ? kMaxStorageNameChars : kMaxNameChars;
  // Azure compares tag names without regard to case.
  std::set<std::string> names;
  if (tags) {
    for (const dsl::Node& n : tags->body) {
      if (n.is_block || n.value.kind == dsl::ValueKind::kList) continue;  // M002 already
      names.insert(lower(n.key));
      if (size_t bad = n.key.find_first_of(kForbiddenInNames); bad != std::string::npos) {
        ctx.report(Kind::InvalidTagName, n.key_span,
                   fmt::format("tag name `{}` holds `{}`, which Azure does not allow in tag "
                               "names (nor any of `<`, `>`, `%`, `&`, `\\`, `?`, `/`)",
                               n.key, n.key[bad]));
      } else if (size_t length = characters(n.key); length > max_name) {
        ctx.report(
            Kind::InvalidTagName, n.key_span,
            fmt::format("tag name `{}` is {} characters long; Azure allows {}{}", n.key, length,
                        max_name, storage ? " on storage accounts, which this topology has" : ""));
      }
      if (n.value.kind == dsl::ValueKind::kString || n.value.kind == dsl::ValueKind::kIdentifier) {
        check_value(ctx, n.value.span, n.key, n.value.text);
      }
    }
  }
  if (t.owner.explicit_ && !names.contains("owner")) {
    check_value(ctx, t.owner.location.span, "owner", t.owner.value);
  }
  // The tags topoc adds itself (compiler/estate/build_estate.cc), unless
  // the topology sets them.
  size_t own = 0;
  std::string own_names;
  for (std::string_view name : {"environment", "managed-by", "topology", "owner"}) {
    if (name == "owner" && t.owner.value.empty()) continue;
    if (names.contains(std::string(name))) continue;
    ++own;
    own_names += fmt::format("{}`{}`", own_names.empty() ? "" : ", ", name);
  }
  if (tags && names.size() + own > kMaxTags) {
    ctx.report(Kind::TooManyTags, tags->key_span,
               fmt::format("every resource would carry {} tags, {} from `tags` and {} that topoc "
                           "adds ({}); Azure allows {} per resource",
                           names.size() + own, names.size(), own, own_names, kMaxTags));
  }
}

}  // namespace topoc::model

// The `naming` block and the region `renamed_from` attribute: the two places
// a topology says how its Azure names are made, beyond the scheme itself.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/model/build_parts.h"

namespace topoc::model {
namespace {

using diag::Kind;

// A fixed suffix goes into storage account names, which take lowercase
// letters and digits only; six characters keep `st<prefix><region><env>`
// room inside the 24-character limit (docs/naming.md).
constexpr size_t kMaxFixedSuffix = 6;

bool lower_alnum(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

}  // namespace

void read_naming(BlockReader& r, Naming& out) {
  const ReadContext& ctx = r.context();
  out.written = true;
  out.location = r.where();
  if (const dsl::Node* n = r.attribute("suffix")) {
    const dsl::Value& v = n->value;
    Location at = ctx.at(v.span);
    if (v.kind == dsl::ValueKind::kString) {
      if (v.text.empty() || v.text.size() > kMaxFixedSuffix || !lower_alnum(v.text)) {
        ctx.report(Kind::InvalidNameSuffix, v.span,
                   fmt::format("a fixed `suffix` is 1 to {} lowercase letters or digits, because "
                               "storage account names allow nothing else",
                               kMaxFixedSuffix))
            .help =
            "write `suffix = auto` for one derived from the topology, or a string such as "
            "`suffix = \"x7k2\"`";
      } else {
        out.suffix = {NameSuffix::kFixed, at, true};
        out.fixed = {v.text, at, true};
      }
    } else if (v.kind == dsl::ValueKind::kIdentifier && (v.text == "auto" || v.text == "none")) {
      out.suffix = {v.text == "auto" ? NameSuffix::kAuto : NameSuffix::kNone, at, true};
    } else {
      ctx.report(Kind::InvalidValue, v.span,
                 "`suffix` is `auto`, `none` or a quoted fixed suffix such as \"x7k2\"");
    }
  } else {
    ctx.sink->report(Kind::MissingAttribute, out.location,
                     "the `naming` block needs `suffix = auto`, `suffix = none` or `suffix = "
                     "\"<fixed>\"`");
  }
  if (r.string("seed", out.seed) && out.suffix.value != NameSuffix::kAuto && out.suffix.explicit_) {
    ctx.sink
        ->report(Kind::InvalidNameSuffix, out.seed.location,
                 "`seed` only changes an `auto` suffix; this one is fixed or `none`")
        .help = "remove `seed`, or write `suffix = auto`";
  }
}

void read_renamed_from(BlockReader& r, Region& region) {
  if (!r.string("renamed_from", region.renamed_from)) return;
  if (region.renamed_from.value.empty()) {
    r.context()
        .sink
        ->report(Kind::InvalidRename, region.renamed_from.location,
                 "`renamed_from` is empty; write the key this region had before")
        .help = "`renamed_from = \"weu\"` for a region that was `region \"weu\"`";
    region.renamed_from.value.clear();
    region.renamed_from.explicit_ = false;
  }
}

}  // namespace topoc::model

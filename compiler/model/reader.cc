#include "compiler/model/reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "compiler/catalog/region_catalog.h"
#include "compiler/diag/suggest.h"

namespace topoc::model {

using diag::Kind;

namespace {
thread_local ReaderObserver* observer = nullptr;
}  // namespace

void observe_readers(ReaderObserver* o) {
  observer = o;
}
bool observing_readers() {
  return observer != nullptr;
}
void tell_observer(const dsl::Node& block, std::string_view key, Asked what,
                   std::span<const std::string_view> choices) {
  if (observer) observer->asked(block, key, what, choices);
}

BlockReader::BlockReader(const dsl::Node& block, const ReadContext& ctx)
    : block_(block), ctx_(ctx) {
  constexpr size_t kWalked = 16;
  if (block_.body.size() <= kWalked) return;
  // Items with one key come in runs (a large estate's tenants): each run
  // is looked up once.
  std::vector<const dsl::Node*>* run = nullptr;
  std::string_view run_key;
  for (const dsl::Node& n : block_.body) {
    if (!run || n.key != run_key) {
      run_key = n.key;
      run = &by_key_[run_key];
    }
    run->push_back(&n);
  }
}

template <typename F>
void BlockReader::each_keyed(std::string_view key, F&& f) const {
  if (by_key_.empty()) {
    for (const dsl::Node& n : block_.body) {
      if (n.key == key) f(n);
    }
    return;
  }
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return;
  for (const dsl::Node* n : it->second) f(*n);
}

const dsl::Node* BlockReader::attribute(std::string_view key) {
  known_.add(key);
  tell_observer(block_, key, Asked::kAttribute);
  const dsl::Node* found = nullptr;
  each_keyed(key, [&](const dsl::Node& n) {
    if (n.is_block) {
      ctx_.report(Kind::WrongValueType, n.key_span,
                  fmt::format("`{}` is an attribute, not a block; write `{} = ...`", key, key));
      return;
    }
    if (found) {
      ctx_.report(Kind::Duplicate, n.key_span, fmt::format("`{}` is set twice", key))
          .notes.push_back({ctx_.at(found->key_span), "first set here"});
      return;
    }
    if (!n.labels.empty()) {
      ctx_.report(Kind::UnknownKey, n.labels.front().span,
                  fmt::format("`{}` takes no label; write `{} = ...`", key, key));
    }
    found = &n;
  });
  return found;
}

std::vector<const dsl::Node*> BlockReader::blocks(std::string_view key) {
  known_.add(key);
  tell_observer(block_, key, Asked::kBlock);
  std::vector<const dsl::Node*> out;
  each_keyed(key, [&](const dsl::Node& n) {
    if (!n.is_block) {
      ctx_.report(Kind::WrongValueType, n.key_span,
                  fmt::format("`{}` is a block, not an attribute; write `{} {{ ... }}`", key, key));
      return;
    }
    out.push_back(&n);
  });
  return out;
}

const dsl::Node* BlockReader::block(std::string_view key) {
  auto all = blocks(key);
  for (size_t i = 1; i < all.size(); ++i) {
    ctx_.report(Kind::Duplicate, all[i]->key_span, fmt::format("`{}` block appears twice", key))
        .notes.push_back({ctx_.at(all[0]->key_span), "first one here"});
  }
  if (all.empty()) return nullptr;
  expect_no_labels(ctx_, *all[0]);
  return all[0];
}

bool BlockReader::string(std::string_view key, Sourced<std::string>& out) {
  const dsl::Node* n = attribute(key);
  if (!n) return false;
  if (n->value.kind != dsl::ValueKind::kString) {
    ctx_.report(Kind::WrongValueType, n->value.span,
                fmt::format("`{}` expects a string, found {}", key, dsl::describe(n->value.kind)))
        .help = "put the text in double quotes";
    return false;
  }
  out = {n->value.text, ctx_.at(n->value.span), true};
  return true;
}

bool BlockReader::name(std::string_view key, Sourced<std::string>& out) {
  const dsl::Node* n = attribute(key);
  if (!n) return false;
  const dsl::Value& v = n->value;
  if (v.kind == dsl::ValueKind::kIdentifier || v.kind == dsl::ValueKind::kString) {
    out.value.assign(v.text);  // read_name's answer, without a copy in between
    out.location = ctx_.at(v.span);
    out.explicit_ = true;
    return true;
  }
  auto text = read_name(ctx_, v, key);
  if (!text) return false;
  out = {std::move(*text), ctx_.at(n->value.span), true};
  return true;
}

bool BlockReader::integer(std::string_view key, Sourced<int64_t>& out, int64_t min, int64_t max) {
  const dsl::Node* n = attribute(key);
  if (!n) return false;
  const dsl::Value& v = n->value;
  if (v.kind != dsl::ValueKind::kNumber || v.number != std::floor(v.number)) {
    ctx_.report(Kind::WrongValueType, v.span,
                fmt::format("`{}` expects a whole number, found {}", key,
                            v.kind == dsl::ValueKind::kNumber ? "a fraction" : dsl::describe(v.kind)));
    return false;
  }
  if (v.number < static_cast<double>(min) || v.number > static_cast<double>(max)) {
    ctx_.report(Kind::OutOfRange, v.span,
                fmt::format("`{}` must be between {} and {}, found {}", key, min, max, v.number));
    return false;
  }
  out = {static_cast<int64_t>(v.number), ctx_.at(v.span), true};
  return true;
}

bool BlockReader::boolean(std::string_view key, Sourced<bool>& out) {
  tell_observer(block_, key, Asked::kBoolean);
  const dsl::Node* n = attribute(key);
  if (!n) return false;
  const dsl::Value& v = n->value;
  if (v.kind == dsl::ValueKind::kIdentifier) {
    if (v.text == "true" || v.text == "on") {
      out = {true, ctx_.at(v.span), true};
      return true;
    }
    if (v.text == "false" || v.text == "off") {
      out = {false, ctx_.at(v.span), true};
      return true;
    }
  }
  ctx_.report(Kind::WrongValueType, v.span,
              fmt::format("`{}` expects true or false, found {}", key,
                          v.kind == dsl::ValueKind::kIdentifier ? fmt::format("`{}`", v.text)
                                                                : dsl::describe(v.kind)));
  return false;
}

bool BlockReader::duration(std::string_view key, Sourced<int64_t>& seconds) {
  const dsl::Node* n = attribute(key);
  if (!n) return false;
  auto s = read_duration_seconds(ctx_, n->value, key);
  if (!s) return false;
  seconds = {*s, ctx_.at(n->value.span), true};
  return true;
}

bool BlockReader::milliseconds(std::string_view key, Sourced<int64_t>& ms) {
  const dsl::Node* n = attribute(key);
  if (!n) return false;
  const dsl::Value& v = n->value;
  if (v.kind == dsl::ValueKind::kQuantity && (v.text == "ms" || v.text == "s")) {
    double value = v.text == "s" ? v.number * 1000 : v.number;
    if (value < 0 || value != std::floor(value)) {
      ctx_.report(Kind::OutOfRange, v.span,
                  fmt::format("`{}` must be a whole, non-negative number of milliseconds", key));
      return false;
    }
    ms = {static_cast<int64_t>(value), ctx_.at(v.span), true};
    return true;
  }
  ctx_.report(v.kind == dsl::ValueKind::kQuantity ? Kind::UnknownUnit : Kind::WrongValueType, v.span,
              fmt::format("`{}` expects a latency like 50ms", key));
  return false;
}

bool BlockReader::location(std::string_view key, Sourced<std::string>& out) {
  tell_observer(block_, key, Asked::kLocation);
  const dsl::Node* n = attribute(key);
  if (!n) return false;
  auto loc = read_location(ctx_, n->value);
  if (!loc) return false;
  out = {*loc, ctx_.at(n->value.span), true};
  return true;
}

bool BlockReader::cidr(std::string_view key, Sourced<Cidr>& out) {
  const dsl::Node* n = attribute(key);
  if (!n) return false;
  const dsl::Value& v = n->value;
  if (v.kind != dsl::ValueKind::kCidr) {
    ctx_.report(Kind::WrongValueType, v.span,
                fmt::format("`{}` expects an IPv4 CIDR block like 10.1.0.0/16, found {}", key,
                            dsl::describe(v.kind)));
    return false;
  }
  ParsedCidr parsed = parse_cidr(v.text);
  if (parsed.problem == CidrProblem::kMalformed) {
    ctx_.report(Kind::InvalidCidr, v.span,
                fmt::format("`{}` is not a valid IPv4 CIDR block; octets are 0-255 and the prefix "
                            "length 0-32",
                            v.text));
    return false;
  }
  if (parsed.problem == CidrProblem::kHostBitsSet) {
    auto& d = ctx_.report(Kind::InvalidCidr, v.span,
                          fmt::format("`{}` has host bits set; the network is `{}`", v.text,
                                      parsed.cidr.to_string()));
    d.fixit = diag::FixIt{ctx_.at(v.span), parsed.cidr.to_string()};
    return false;
  }
  out = {parsed.cidr, ctx_.at(v.span), true};
  return true;
}

bool BlockReader::names(std::string_view key, std::vector<Sourced<std::string>>& out) {
  const dsl::Node* n = attribute(key);
  if (!n) return false;
  const dsl::Value& v = n->value;
  if (v.kind != dsl::ValueKind::kList) {
    ctx_.report(Kind::WrongValueType, v.span,
                fmt::format("`{}` expects a list like [a, b], found {}", key, dsl::describe(v.kind)));
    return false;
  }
  out.clear();
  for (const dsl::Value& item : v.items) {
    if (auto text = read_name(ctx_, item, key)) out.push_back({*text, ctx_.at(item.span), true});
  }
  return true;
}

void BlockReader::finish() {
  const std::span<const std::string_view> known = known_.all();
  auto was_asked = [&](std::string_view key) {
    return std::find(known.begin(), known.end(), key) != known.end();
  };
  // An indexed body (the topology's, which holds every tenant) is judged key
  // by key; its unknown items, all elements of one body, are put back in the
  // order written.
  std::vector<const dsl::Node*> unknown;
  if (by_key_.empty()) {
    for (const dsl::Node& n : block_.body) {
      if (!was_asked(n.key)) unknown.push_back(&n);
    }
  } else {
    for (const auto& [key, nodes] : by_key_) {
      if (!was_asked(key)) unknown.insert(unknown.end(), nodes.begin(), nodes.end());
    }
    std::sort(unknown.begin(), unknown.end(), std::less<const dsl::Node*>{});
  }
  for (const dsl::Node* n : unknown) {
    if (ctx_.sink->full()) {
      ctx_.report(Kind::UnknownKey, n->key_span, {});
      continue;
    }
    std::string where = block_.key;
    auto& d =
        ctx_.report(Kind::UnknownKey, n->key_span,
                    fmt::format("`{}` has no {} `{}`{}", where, n->is_block ? "block" : "attribute",
                                n->key, diag::did_you_mean(n->key, known)));
    if (auto best = diag::closest(n->key, known)) {
      d.fixit = diag::FixIt{ctx_.at(n->key_span), *best};
    }
  }
}

std::optional<std::string> read_name(const ReadContext& ctx, const dsl::Value& v,
                                     std::string_view what) {
  if (v.kind == dsl::ValueKind::kIdentifier || v.kind == dsl::ValueKind::kString) return v.text;
  if (v.kind == dsl::ValueKind::kNumber) {
    return fmt::format("{}", v.number);
  }
  ctx.report(Kind::WrongValueType, v.span,
             fmt::format("`{}` expects a name, found {}", what, dsl::describe(v.kind)));
  return std::nullopt;
}

std::optional<std::string> read_location(const ReadContext& ctx, const dsl::Value& v) {
  if (v.kind != dsl::ValueKind::kIdentifier && v.kind != dsl::ValueKind::kString) {
    ctx.report(Kind::WrongValueType, v.span,
               fmt::format("expected an Azure location like westeurope, found {}",
                           dsl::describe(v.kind)));
    return std::nullopt;
  }
  if (const catalog::RegionInfo* r = catalog::find_region(v.text)) return std::string(r->name);
  if (auto meant = location_of_region_key(ctx, v.text)) {
    ctx.report(Kind::UnknownLocation, v.span,
               fmt::format("unknown Azure location `{}`; did you mean `{}`, the location of region "
                           "`{}`?",
                           v.text, *meant, v.text))
        .fixit = diag::FixIt{ctx.at(v.span), *meant};
    return std::nullopt;
  }
  std::vector<std::string_view> names;
  for (const auto& r : catalog::all_regions()) names.push_back(r.name);
  auto& d = ctx.report(Kind::UnknownLocation, v.span,
                       fmt::format("unknown Azure location `{}`{}", v.text,
                                   diag::did_you_mean(catalog::normalise_location(v.text), names)));
  if (auto best = diag::closest(catalog::normalise_location(v.text), names)) {
    d.fixit = diag::FixIt{ctx.at(v.span), *best};
  } else {
    d.help = "run `topoc regions` to list the locations topoc knows";
  }
  return std::nullopt;
}

std::optional<std::string> location_of_region_key(const ReadContext& ctx, std::string_view word) {
  for (const RegionAt& r : ctx.regions) {
    if (r.key == word && !r.location.empty()) return r.location;
  }
  return std::nullopt;
}

std::optional<int64_t> read_duration_seconds(const ReadContext& ctx, const dsl::Value& v,
                                             std::string_view what) {
  if (v.kind != dsl::ValueKind::kQuantity) {
    ctx.report(Kind::WrongValueType, v.span,
               fmt::format("`{}` expects a duration like 30s, 5m, 2h or 90d, found {}", what,
                           dsl::describe(v.kind)))
        .help = "write the unit after the number: s, m, h or d";
    return std::nullopt;
  }
  int64_t scale = v.text == "s" ? 1 : v.text == "m" ? 60 : v.text == "h" ? 3600 : v.text == "d" ? 86400 : 0;
  if (scale == 0) {
    ctx.report(Kind::UnknownUnit, v.span,
               fmt::format("`{}` expects a duration; `{}` is not a duration unit (use s, m, h or d)",
                           what, v.text));
    return std::nullopt;
  }
  double seconds = v.number * static_cast<double>(scale);
  if (seconds < 0 || seconds != std::floor(seconds) || seconds > 1e12) {
    ctx.report(Kind::OutOfRange, v.span,
               fmt::format("`{}` must be a whole, non-negative number of seconds", what));
    return std::nullopt;
  }
  return static_cast<int64_t>(seconds);
}

std::optional<std::string> single_label(const ReadContext& ctx, const dsl::Node& node,
                                        std::string_view example) {
  if (node.labels.size() == 1) return node.labels[0].text;
  if (node.labels.empty()) {
    ctx.report(Kind::MissingAttribute, node.key_span,
               fmt::format("`{}` needs a name: write `{}`", node.key, example));
  } else {
    ctx.report(Kind::UnknownKey, node.labels[1].span,
               fmt::format("`{}` takes one name; write `{}`", node.key, example));
  }
  return std::nullopt;
}

void expect_no_labels(const ReadContext& ctx, const dsl::Node& node) {
  if (!node.labels.empty()) {
    ctx.report(Kind::UnknownKey, node.labels[0].span,
               fmt::format("`{}` takes no name; write `{} {{ ... }}`", node.key, node.key));
  }
}

void report_choice(const ReadContext& ctx, dsl::Span span, std::string_view key, std::string_view got,
                   std::span<const std::string_view> spellings) {
  std::string list;
  for (std::string_view s : spellings) list += fmt::format("{}`{}`", list.empty() ? "" : ", ", s);
  auto& d = ctx.report(Kind::InvalidValue, span,
                       fmt::format("`{}` is not a valid `{}`{}", got, key,
                                   diag::did_you_mean(got, spellings)));
  d.help = fmt::format("`{}` accepts {}", key, list);
  if (auto best = diag::closest(got, spellings)) d.fixit = diag::FixIt{ctx.at(span), *best};
}

bool choice_string(BlockReader& r, std::string_view key, Sourced<std::string>& out,
                   std::span<const Choice<std::string_view>> choices) {
  Sourced<std::string_view> picked;
  if (!r.choice<std::string_view>(key, picked, choices)) return false;
  out = {std::string(picked.value), picked.location, true};
  return true;
}

}  // namespace topoc::model

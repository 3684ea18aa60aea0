// A region's `storage` block: the account's replication and encryption
// key, how long deleted blobs and previous versions are kept, lifecycle
// rules, containers with their retention policies, and object replication
// to a second account.
// Each value's own range is checked here; the checks that tie values
// together (tier order, archive and zone redundancy, replication targets)
// are rules S100-S103.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "compiler/model/build_parts.h"
#include "compiler/model/duplicate_names.h"

namespace topoc::model {
namespace {

constexpr int64_t kDay = 86400;

// A duration in whole days from `min` to `max`, written with a `d` unit or
// any other that comes to whole days.
bool read_days(BlockReader& r, std::string_view key, Sourced<int64_t>& out, int64_t min,
               int64_t max) {
  Sourced<int64_t> seconds;
  if (!r.duration(key, seconds)) return false;
  if (seconds.value % kDay != 0 || seconds.value < min * kDay || seconds.value > max * kDay) {
    r.context().sink->report(
        diag::Kind::OutOfRange, seconds.location,
        fmt::format("`{}` must be a whole number of days from {}d to {}d", key, min, max));
    return false;
  }
  out = {seconds.value / kDay, seconds.location, true};
  return true;
}

// What azurerm 4.55 accepts as a container name (validate.StorageContainerName,
// without the special `$root` and `$web`).
bool container_name_valid(std::string_view name) {
  if (name.size() < 3 || name.size() > 63 || name.front() == '-') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) ||
           std::isdigit(static_cast<unsigned char>(c)) || c == '-';
  });
}

// Azure's rule names: alphanumeric, case-sensitive (Microsoft Learn,
// "Azure Blob Storage lifecycle management overview").
bool lifecycle_rule_name_valid(std::string_view name) {
  if (name.empty() || name.size() > 256) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

// The management policy rule that deletes previous versions.
constexpr std::string_view kVersionsRule = "versions";

// The lifecycle actions take a day count azurerm accepts from 0 to 99999.
constexpr int64_t kMaxLifecycleDays = 99999;

void read_lifecycle_rule(BlockReader& r, StorageLifecycleRule& rule) {
  r.string("prefix", rule.prefix);
  read_days(r, "cool", rule.cool_days, 0, kMaxLifecycleDays);
  read_days(r, "cold", rule.cold_days, 0, kMaxLifecycleDays);
  read_days(r, "archive", rule.archive_days, 0, kMaxLifecycleDays);
  read_days(r, "delete", rule.delete_days, 0, kMaxLifecycleDays);
}

void read_lifecycle(BlockReader& r, Storage& s) {
  const ReadContext& ctx = r.context();
  DuplicateNames names(*ctx.sink, "first declared here");
  for (const dsl::Node* n : r.blocks("lifecycle")) {
    auto label = single_label(ctx, *n, "lifecycle \"logs\" { prefix = \"logs/\"  cool = 30d }");
    if (!label) continue;
    StorageLifecycleRule rule{*label, ctx.at(n->labels[0].span)};
    BlockReader lr(*n, ctx);
    read_lifecycle_rule(lr, rule);
    lr.finish();
    if (!lifecycle_rule_name_valid(rule.name)) {
      ctx.sink->report(
          diag::Kind::InvalidValue, rule.location,
          fmt::format("lifecycle rule name `{}` must be 1 to 256 letters and digits", rule.name));
      continue;
    }
    if (rule.name == kVersionsRule) {
      ctx.sink->report(diag::Kind::InvalidValue, rule.location,
                       "lifecycle rule name `versions` is taken by the rule `versions = 90d` "
                       "writes; choose another name");
      continue;
    }
    if (!rule.cool_days.explicit_ && !rule.cold_days.explicit_ && !rule.archive_days.explicit_ &&
        !rule.delete_days.explicit_) {
      ctx.sink->report(diag::Kind::MissingAttribute, rule.location,
                       fmt::format("lifecycle rule `{}` takes no action; write at least one of "
                                   "`cool`, `cold`, `archive` or `delete`, like `cool = 30d`",
                                   rule.name));
      continue;
    }
    bool first = std::none_of(s.lifecycle.begin(), s.lifecycle.end(),
                              [&](const StorageLifecycleRule& x) { return x.name == rule.name; });
    names.declare(rule.name, rule.location,
                  [&] { return fmt::format("lifecycle rule `{}` is declared twice", rule.name); });
    if (first) s.lifecycle.push_back(std::move(rule));
  }
}

void read_containers(BlockReader& r, Storage& s) {
  const ReadContext& ctx = r.context();
  DuplicateNames names(*ctx.sink, "first declared here");
  for (const dsl::Node* n : r.blocks("container")) {
    auto label = single_label(ctx, *n, "container \"audit\" { immutable = 365d }");
    if (!label) continue;
    StorageContainer c{*label, ctx.at(n->labels[0].span)};
    BlockReader cr(*n, ctx);
    // Azure keeps a time-based retention policy 1 to 146000 days.
    read_days(cr, "immutable", c.immutable_days, 1, 146000);
    cr.boolean("locked", c.locked);
    read_data_class(cr, c.data);
    cr.finish();
    if (!container_name_valid(c.name)) {
      ctx.sink->report(diag::Kind::InvalidValue, c.location,
                       fmt::format("container name `{}` must be 3 to 63 lowercase letters, digits "
                                   "and `-`, not starting with `-`",
                                   c.name));
      continue;
    }
    if (c.locked.value && c.immutable_days.value == 0) {
      ctx.sink->report(diag::Kind::MissingAttribute, c.locked.location,
                       fmt::format("`locked` locks a retention policy, and container `{}` has "
                                   "none; write `immutable = 365d` beside it",
                                   c.name));
    }
    bool first = std::none_of(s.containers.begin(), s.containers.end(),
                              [&](const StorageContainer& x) { return x.name == c.name; });
    names.declare(c.name, c.location,
                  [&] { return fmt::format("container `{}` is declared twice", c.name); });
    if (first) s.containers.push_back(std::move(c));
  }
}

constexpr Choice<StorageEncryption> kEncryptions[] = {
    {"microsoft-managed", StorageEncryption::kMicrosoftManaged},
    {"customer-managed", StorageEncryption::kCustomerManaged},
};

// Azure Storage takes RSA keys of 2048, 3072 or 4096 bits (Microsoft Learn,
// "Customer-managed keys for Azure Storage encryption").
void read_key_size(BlockReader& r, Sourced<int64_t>& out) {
  Sourced<int64_t> bits;
  if (!r.integer("key_size", bits, 0, 65536)) return;
  if (bits.value != 2048 && bits.value != 3072 && bits.value != 4096) {
    r.context().sink->report(diag::Kind::InvalidValue, bits.location,
                             fmt::format("`key_size` must be 2048, 3072 or 4096, the RSA key sizes "
                                         "Azure Storage accepts; got {}",
                                         bits.value));
    return;
  }
  out = bits;
}

}  // namespace

void read_storage(BlockReader& r, Storage& s) {
  r.choice<StorageEncryption>("encryption", s.encryption, kEncryptions);
  read_key_size(r, s.key_size);
  // Azure keeps deleted blobs and containers 1 to 365 days.
  read_days(r, "soft_delete", s.soft_delete_days, 1, 365);
  read_days(r, "versions", s.version_days, 1, kMaxLifecycleDays);
  read_lifecycle(r, s);
  read_containers(r, s);
  r.location("replicate_to", s.replicate_to);
}

}  // namespace topoc::model

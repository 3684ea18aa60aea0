// One router for every input format: the JSON path of a value says which
// format's rules apply (`values.root_module` is a `show -json` state,
// top-level `resources` a raw state, `resource_changes` a plan, a top-level
// array or `data` a Resource Graph export), so a file is read in one pass
// and its format is known at the end from the top-level keys it had.
#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <iterator>
#include <map>
#include <set>

#include "compiler/drift/attributes.h"
#include "compiler/drift/deployed_state.h"
#include "compiler/drift/heap.h"
#include "compiler/drift/readers.h"

namespace topoc::drift {
namespace {

using json = nlohmann::json;
using readers::ShapeError;

enum class Family { kNone, kShow, kState, kPlan, kArm };

// Where a module object of `show -json` sits at path[i], its resources and
// child modules are routed below it, to any depth.
Route route_module(const JsonPath& path, size_t i, readers::ShowFields& fields) {
  if (path.size() == i + 1) return Route::kKeep;
  const std::string& key = path[i + 1].key;
  if (key == "address") return path.size() == i + 2 ? Route::kKeepAll : Route::kSkip;
  if (key == "resources") {
    if (path.size() == i + 2) return Route::kKeep;
    return readers::route_show_resource(path, i + 2, fields);
  }
  if (key == "child_modules") {
    if (path.size() == i + 2) return Route::kKeep;
    return route_module(path, i + 2, fields);
  }
  return Route::kSkip;
}

// `values` of a state: only `root_module` matters.
Route route_values(const JsonPath& path, size_t i, readers::ShowFields& fields) {
  if (path.size() == i + 1) return Route::kKeep;
  if (path[i + 1].key != "root_module" || path[i + 1].index) return Route::kSkip;
  return route_module(path, i + 1, fields);
}

// What `az graph query` (`skip_token`, `total_records`), the Resource Graph
// REST API (`$skipToken`, `totalRecords`) and ARM list responses (`nextLink`)
// say about further pages.
bool is_paging_key(std::string_view key) {
  return key == "skip_token" || key == "$skipToken" || key == "nextLink" ||
         key == "total_records" || key == "totalRecords";
}

// Where each resource read so far was listed, by the hash of what
// identifies it. Only a duplicate's message needs a pointer, so none is
// spelled per resource: an entry holds the pointer of the list the resource
// was in (each list's pointer kept once), its index there and
// its instance index in a raw state. A key is compared through `same`, which
// looks at the resource the entry stands for, so it is never copied. The
// entries' positions sit in an open-addressed table: about 30 bytes a
// resource where a map of hashes and a pointer string per resource took 140.
class SeenKeys {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // The pointer of the entry whose key hashes to `hash` and passes
  // `same(entry)`; empty when there is none.
  template <typename Same>
  std::optional<std::string> find(size_t hash, Same same) const {
    if (slots_.empty()) return std::nullopt;
    auto h = static_cast<uint32_t>(hash);
    for (size_t s = h & (slots_.size() - 1); slots_[s] != 0; s = (s + 1) & (slots_.size() - 1)) {
      const Entry& e = entries_[slots_[s] - 1];
      if (e.hash == h && same(e.item)) return pointer(e);
    }
    return std::nullopt;
  }
  // Records where `item` (whatever `same` is given to tell entries apart: a
  // resource's position, a plan change's key) was listed: in the list at
  // `list`, at `index` (kNone when the value is not a list element), as
  // instance `instance` (kNone outside a raw state).
  void add(size_t hash, size_t item, std::string_view list, uint32_t index, uint32_t instance) {
    // A list's elements come one after the other and it does not come back
    // once another has started (a state has a module's resources in one
    // array), so only the latest list is looked at: searching them all took
    // 7 % of the run at 20,000 resources in 4,676 modules.
    if (lists_.empty() || text(lists_.back()) != list) {
      constexpr size_t kChunk = 64 << 10;  // a string per list: 100 bytes each, 4,676 of them
      if (chunks_.empty() || chunks_.back().size() + list.size() > chunks_.back().capacity()) {
        chunks_.emplace_back().reserve(std::max(kChunk, list.size()));
      }
      lists_.push_back({static_cast<uint32_t>(chunks_.size() - 1),
                        static_cast<uint32_t>(chunks_.back().size()),
                        static_cast<uint32_t>(list.size())});
      chunks_.back().append(list);
    }
    if ((entries_.size() + 1) * 4 > slots_.size() * 3) grow();  // at most three quarters full
    auto h = static_cast<uint32_t>(hash);
    entries_.push_back({h, static_cast<uint32_t>(item), static_cast<uint32_t>(lists_.size() - 1),
                        index, instance});
    place(h, static_cast<uint32_t>(entries_.size()));
  }

 private:
  struct Entry {
    uint32_t hash, item, list, index, instance;
  };

  std::string pointer(const Entry& e) const {
    std::string out(text(lists_[e.list]));
    if (e.index != kNone) out += fmt::format("/{}", e.index);
    if (e.instance != kNone) out += fmt::format("/instances/{}", e.instance);
    return out;
  }

  void place(uint32_t hash, uint32_t slot_value) {
    size_t s = hash & (slots_.size() - 1);
    while (slots_[s] != 0) s = (s + 1) & (slots_.size() - 1);
    slots_[s] = slot_value;
  }

  void grow() {
    std::vector<uint32_t>(std::max<size_t>(64, slots_.size() * 2)).swap(slots_);
    for (size_t i = 0; i < entries_.size(); ++i) {
      place(entries_[i].hash, static_cast<uint32_t>(i + 1));
    }
  }

  std::deque<Entry> entries_;    // in blocks: a vector's doubling left up to half of it unused
  std::vector<uint32_t> slots_;  // entry position + 1; 0 is empty
  // The lists' pointers end to end in chunks that never move, by number.
  struct List {
    uint32_t chunk, offset, size;
  };
  std::string_view text(const List& l) const {
    return std::string_view(chunks_[l.chunk]).substr(l.offset, l.size);
  }
  std::vector<std::string> chunks_;
  std::vector<List> lists_;
};

class StateRouter : public JsonRouter {
 public:
  StateRouter(size_t input, DeployedState& out) : out_(out) { context_.input = input; }

  Route route(const JsonPath& path) override {
    if (path.empty()) return Route::kKeep;
    if (path[0].index) {
      root_is_array_ = true;
      return readers::route_arm_resource(path, 0);
    }
    const std::string& key = path[0].key;
    if (path.size() == 1) {
      top_level_.insert(key);
      if (key == "format_version" || key == "terraform_version" || key == "version") {
        return Route::kKeepAll;
      }
      if (is_paging_key(key)) return Route::kKeepAll;
      bool container = key == "values" || key == "prior_state" || key == "resources" ||
                       key == "resource_changes" || key == "data" || key == "value";
      return container ? Route::kKeep : Route::kSkip;
    }
    switch (family(path)) {
      case Family::kShow:
        if (key == "values") return route_values(path, 0, context_.show);
        if (path[1].key == "values" && !path[1].index) return route_values(path, 1, context_.show);
        return Route::kSkip;
      case Family::kState:
        return path[1].index ? readers::route_state_resource(path, 1) : Route::kSkip;
      case Family::kPlan:
        return path[1].index ? readers::route_plan_change(path, 1) : Route::kSkip;
      case Family::kArm:
        return path[1].index ? readers::route_arm_resource(path, 1) : Route::kSkip;
      case Family::kNone:
        return Route::kSkip;
    }
    return Route::kSkip;
  }

  // Only `show -json` resources route values kCapture.
  void capture(const JsonPath& path, Captured kind, std::string_view text) override {
    readers::capture_show_field(path, kind, text, context_.show);
  }

  bool take(const JsonPath& path, json value) override {
    std::optional<ShapeError> error;
    size_t before = context_.resources.size();
    Family f = family(path);
    switch (f) {
      case Family::kShow:
        error = readers::read_show_resource(value, context_, out_);
        break;
      case Family::kState:
        error = readers::read_state_resource(value, context_, out_);
        break;
      case Family::kPlan:
        error = readers::read_plan_change(value, context_, out_);
        break;
      case Family::kArm:
        ++rows_;
        error = readers::read_arm_resource(value, context_, out_);
        break;
      case Family::kNone:
        break;
    }
    if (!error) error = check_listed_once(path, f, value, before);
    if (!error) return true;
    error_pointer_ = json_pointer(path) + error->pointer;
    error_message_ = error->message;
    return false;
  }

  bool has(std::string_view key) const { return top_level_.count(std::string(key)) > 0; }
  bool root_is_array() const { return root_is_array_; }
  size_t rows() const { return rows_; }
  const readers::ReadContext& context() const { return context_; }
  readers::ReadResources& resources() { return context_.resources; }
  const std::string& error_pointer() const { return error_pointer_; }
  const std::string& error_message() const { return error_message_; }

 private:
  static Family family(const JsonPath& path) {
    if (path[0].index) return Family::kArm;
    const std::string& key = path[0].key;
    if (key == "values" || key == "prior_state") return Family::kShow;
    if (key == "resources") return Family::kState;
    if (key == "resource_changes") return Family::kPlan;
    if (key == "data" || key == "value") return Family::kArm;
    return Family::kNone;
  }

  // A second entry for a resource already read, which Terraform and Azure
  // never write: one of the two would silently win.
  std::optional<ShapeError> check_listed_once(const JsonPath& path, Family f, const json& value,
                                              size_t before) {
    // The pointer of the list the value is in and its index there, spelled
    // once they are needed.
    std::optional<std::string> list;
    uint32_t index = SeenKeys::kNone;
    // Each family keeps its own entries: its items number different lists.
    SeenKeys& seen_keys = f == Family::kPlan  ? plan_seen_
                          : f == Family::kArm ? arm_seen_
                                              : tf_seen_;
    auto seen = [&](size_t hash, size_t item, auto same, std::string_view name,
                    uint32_t instance) -> std::optional<ShapeError> {
      if (std::optional<std::string> first = seen_keys.find(hash, same)) {
        std::string relative =
            instance == SeenKeys::kNone ? "" : fmt::format("/instances/{}", instance);
        return ShapeError{relative, fmt::format("`{}` is listed twice; it is also at `{}`",
                                                readers::printable(name), *first)};
      }
      if (!list) {
        list = json_pointer(path);
        if (!path.empty() && path.back().index) {  // "…/resources/7": "…/resources" and 7
          list->resize(list->rfind('/'));
          index = static_cast<uint32_t>(*path.back().index);
        }
      }
      seen_keys.add(hash, item, *list, index, instance);
      return std::nullopt;
    };
    std::hash<std::string_view> hash;
    if (f == Family::kPlan) {
      std::string deposed;
      if (readers::optional_string(value, "deposed", deposed)) return std::nullopt;
      const std::string& address = value["address"].get_ref<const std::string&>();
      std::string key = fmt::format("{}\n{}", address, deposed);
      auto same = [&](size_t item) { return plan_keys_[item] == key; };
      auto error = seen(hash(key), plan_keys_.size(), same, address, SeenKeys::kNone);
      if (!error) plan_keys_.push_back(std::move(key));
      return error;
    }
    if (f == Family::kArm) {
      if (context_.resources.size() == before) return std::nullopt;
      const DeployedResource& d = context_.resources.back();
      std::string id = lower(d.id);
      auto same = [&](size_t item) { return lower(context_.resources[item].id) == id; };
      return seen(hash(id), context_.resources.size() - 1, same, d.id, SeenKeys::kNone);
    }
    for (size_t i = before; i < context_.resources.size(); ++i) {
      const DeployedResource& d = context_.resources[i];
      uint32_t instance = f == Family::kState ? static_cast<uint32_t>(i - before) : SeenKeys::kNone;
      auto same = [&](size_t item) {
        const DeployedResource& other = context_.resources[item];
        return other.address == d.address && other.deposed_key == d.deposed_key;
      };
      size_t h = hash(d.address) ^ (hash(d.deposed_key) * 0x9E3779B97F4A7C15ULL);
      if (auto error = seen(h, i, same, d.address, instance)) return error;
    }
    return std::nullopt;
  }

  DeployedState& out_;
  readers::ReadContext context_;
  // What identifies a resource -> the pointer where it was first read.
  SeenKeys tf_seen_, arm_seen_, plan_seen_;
  std::vector<std::string> plan_keys_;  // a plan change's address and deposed key
  std::set<std::string> top_level_;
  bool root_is_array_ = false;
  size_t rows_ = 0;
  std::string error_pointer_;
  std::string error_message_;
};

const char* describe(StateFormat format) {
  switch (format) {
    case StateFormat::kShow:
      return "a `terraform show -json` state";
    case StateFormat::kState:
      return "a raw Terraform state file";
    case StateFormat::kPlan:
      return "a `terraform show -json` plan";
    case StateFormat::kArg:
      return "a Resource Graph export";
    case StateFormat::kAuto:
      break;
  }
  return "an input";
}

std::optional<StateFormat> detect(const StateRouter& router, const json& kept) {
  if (router.root_is_array() || kept.is_array()) return StateFormat::kArg;
  if (!kept.is_object()) return std::nullopt;
  if (router.has("format_version")) {
    bool plan =
        router.has("resource_changes") || router.has("planned_values") || router.has("prior_state");
    return plan ? StateFormat::kPlan : StateFormat::kShow;
  }
  // A number: Terraform's state versions. Other JSON has string versions.
  if (auto v = kept.find("version"); v != kept.end() && v->is_number()) return StateFormat::kState;
  if (router.has("data") || router.has("value")) return StateFormat::kArg;
  return std::nullopt;
}

// The containers around the resources, as far as they were kept (handed-over
// resources leave their arrays empty): each must be of the type its format
// documents, or the file would read as an estate with nothing in it.
std::optional<ShapeError> check_container(const json& parent, std::string_view key, bool array,
                                          const std::string& at) {
  auto it = parent.find(key);
  if (it == parent.end() || it->is_null() || (array ? it->is_array() : it->is_object())) {
    return std::nullopt;
  }
  return ShapeError{fmt::format("{}/{}", at, key),
                    fmt::format("expected `{}` to be {}", key, array ? "an array" : "an object")};
}

std::optional<ShapeError> check_module(const json& module, const std::string& at) {
  if (!module.is_object()) return ShapeError{at, "expected a module object"};
  if (auto it = module.find("address"); it != module.end() && !it->is_string()) {
    return ShapeError{at + "/address", "expected `address` to be a string"};
  }
  if (auto error = check_container(module, "resources", true, at)) return error;
  if (auto error = check_container(module, "child_modules", true, at)) return error;
  if (auto it = module.find("child_modules"); it != module.end() && it->is_array()) {
    for (size_t i = 0; i < it->size(); ++i) {
      if (auto error = check_module((*it)[i], fmt::format("{}/child_modules/{}", at, i))) {
        return error;
      }
    }
  }
  return std::nullopt;
}

// `values` of a `show -json` state or of a plan's `prior_state`.
std::optional<ShapeError> check_values(const json& parent, const std::string& at) {
  if (auto error = check_container(parent, "values", false, at)) return error;
  auto values = parent.find("values");
  if (values == parent.end() || values->is_null()) return std::nullopt;
  if (auto error = check_container(*values, "root_module", false, at + "/values")) return error;
  auto root = values->find("root_module");
  if (root == values->end() || root->is_null()) return std::nullopt;
  return check_module(*root, at + "/values/root_module");
}

std::optional<ShapeError> check_shape(StateFormat format, const json& kept) {
  if (!kept.is_object()) return std::nullopt;  // a bare array of ARM resources
  switch (format) {
    case StateFormat::kShow:
      return check_values(kept, "");
    case StateFormat::kPlan:
      if (auto error = check_container(kept, "resource_changes", true, "")) return error;
      if (auto error = check_container(kept, "prior_state", false, "")) return error;
      if (auto prior = kept.find("prior_state"); prior != kept.end() && prior->is_object()) {
        return check_values(*prior, "/prior_state");
      }
      return std::nullopt;
    case StateFormat::kState:
      return check_container(kept, "resources", true, "");
    case StateFormat::kArg:
      if (auto error = check_container(kept, "data", true, "")) return error;
      return check_container(kept, "value", true, "");
    case StateFormat::kAuto:
      break;
  }
  return std::nullopt;
}

std::optional<ReadError> check_version(std::string_view path, StateFormat format,
                                       const json& kept) {
  std::string p(path);
  if (format == StateFormat::kShow || format == StateFormat::kPlan) {
    auto it = kept.find("format_version");
    const json v = it == kept.end() ? json() : *it;
    std::string text = v.is_string() ? v.get<std::string>() : v.dump();
    if (!v.is_string() || text.rfind("1.", 0) != 0) {
      return ReadError{p, "`/format_version`",
                       fmt::format("format version `{}` is not supported; topoc reads the 1.x JSON "
                                   "output of `terraform show -json`",
                                   text)};
    }
  }
  if (format == StateFormat::kState) {
    auto it = kept.find("version");
    const json v = it == kept.end() ? json() : *it;
    if (v != 4) {
      return ReadError{p, "`/version`",
                       fmt::format("state version `{}` is not supported; topoc reads version 4, "
                                   "written by Terraform 0.12 and later",
                                   v.dump())};
    }
  }
  return std::nullopt;
}

// Moves what one file added onto what the earlier files gave. The first file
// hands its vector over whole: appending element by element would grow a
// second vector, twice over, beside the one it empties, and that copy was the
// peak of a large estate's memory.
template <typename T>
void append(std::vector<T>& from, std::vector<T>& to) {
  if (to.empty()) {
    to = std::move(from);
    return;
  }
  to.reserve(to.size() + from.size());
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

std::optional<ReadError> finish(std::string_view path, StateFormat requested, StreamResult result,
                                StateRouter& router, DeployedState& read, DeployedState& state) {
  std::string p(path);
  if (result.error) return result.error;
  if (result.stopped) {
    std::string where = router.error_pointer().empty() ? "" : "`" + router.error_pointer() + "`";
    return ReadError{p, where, router.error_message()};
  }
  std::optional<StateFormat> format = detect(router, result.kept);
  if (!format) {
    return ReadError{p, "",
                     "is JSON but not a Terraform state, plan or Resource Graph export; expected "
                     "`format_version` (terraform show -json), `version` and `resources` (a state "
                     "file) or a list of Azure resources"};
  }
  if (requested != StateFormat::kAuto && requested != *format) {
    return ReadError{p, "",
                     fmt::format("is {}, not {} as `--state-format {}` says", describe(*format),
                                 describe(requested), to_string(requested))};
  }
  if (auto error = check_version(path, *format, result.kept)) return error;
  if (auto error = check_shape(*format, result.kept)) {
    return ReadError{p, "`" + error->pointer + "`", error->message};
  }
  const readers::ReadContext& context = router.context();
  if (context.managed > 0 && context.azurerm == 0) {
    if (*format == StateFormat::kArg) {
      return ReadError{p, "",
                       fmt::format("holds no Azure resources: `{}` is not an ARM resource id",
                                   context.other_provider)};
    }
    return ReadError{p, "",
                     fmt::format("holds no azurerm resources: they come from `{}`; `topoc drift` "
                                 "compares azurerm estates",
                                 context.other_provider)};
  }
  StateInput input{p, *format, router.resources().size()};
  if (*format == StateFormat::kArg && result.kept.is_object()) {
    input.rows = router.rows();
    for (const char* key : {"skip_token", "$skipToken", "nextLink"}) {
      auto it = result.kept.find(key);
      if (it != result.kept.end() && it->is_string() &&
          !it->get_ref<const std::string&>().empty()) {
        input.more_pages = true;
      }
    }
    for (const char* key : {"total_records", "totalRecords"}) {
      auto it = result.kept.find(key);
      if (it != result.kept.end() && it->is_number_unsigned())
        input.total_records = it->get<uint64_t>();
    }
  }
  state.inputs.push_back(std::move(input));
  if (*format == StateFormat::kArg) {
    state.has_azure = true;
  } else {
    state.has_terraform = true;
  }
  router.resources().move_into(state.resources);
  append(read.planned, state.planned);
  return std::nullopt;
}

}  // namespace

const char* to_string(StateFormat format) {
  switch (format) {
    case StateFormat::kAuto:
      return "auto";
    case StateFormat::kShow:
      return "show";
    case StateFormat::kState:
      return "state";
    case StateFormat::kPlan:
      return "plan";
    case StateFormat::kArg:
      return "arg";
  }
  return "auto";
}

std::optional<StateFormat> parse_state_format(std::string_view text) {
  for (StateFormat f : {StateFormat::kAuto, StateFormat::kShow, StateFormat::kState,
                        StateFormat::kPlan, StateFormat::kArg}) {
    if (text == to_string(f)) return f;
  }
  return std::nullopt;
}

std::optional<ReadError> read_state_file(const std::string& path, StateFormat format,
                                         DeployedState& state) {
  keep_large_blocks_apart();
  DeployedState read;
  StateRouter router(state.inputs.size(), read);
  StreamResult result = stream_json_file(path, router);
  return finish(path, format, std::move(result), router, read, state);
}

std::optional<ReadError> check_pages_complete(const DeployedState& state) {
  const StateInput* first = nullptr;  // the first input that is a page
  size_t rows = 0;
  uint64_t total = 0;
  size_t pages = 0;
  for (const StateInput& i : state.inputs) {
    if (i.format != StateFormat::kArg || (!i.more_pages && i.total_records == 0)) continue;
    if (!first) first = &i;
    rows += i.rows;
    total = std::max(total, i.total_records);
    ++pages;
  }
  if (!first) return std::nullopt;
  constexpr std::string_view kAdvice =
      "pass every page with --state (`az graph query --skip-token ...`), or export with a larger "
      "`--first`";
  if (total > rows) {
    return ReadError{first->path, "",
                     fmt::format("is a page of a Resource Graph result of {} resources, and the "
                                 "exports given hold {} of them; {}",
                                 total, rows, kAdvice)};
  }
  // Without a total, a lone page that names a next one is surely incomplete.
  if (total == 0 && pages == 1 && first->more_pages) {
    return ReadError{
        first->path, "",
        fmt::format("is one page of a larger result (it names a next page); {}", kAdvice)};
  }
  return std::nullopt;
}

std::optional<ReadError> read_state_text(std::string_view display_path, std::string_view text,
                                         StateFormat format, DeployedState& state) {
  DeployedState read;
  StateRouter router(state.inputs.size(), read);
  StreamResult result = stream_json_text(display_path, text, router);
  return finish(display_path, format, std::move(result), router, read, state);
}

}  // namespace topoc::drift

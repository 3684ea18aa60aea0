#include "compiler/lsp/schema.h"

#include <algorithm>

#include "compiler/diag/diagnostic.h"
#include "compiler/model/build_model.h"
#include "compiler/model/reader.h"

namespace topoc::lsp {
namespace {

// Records what the readers ask of each block of the probe document.
class Recorder : public model::ReaderObserver {
 public:
  std::map<const dsl::Node*, std::string> paths;
  std::map<std::string, BlockSchema>* schema = nullptr;

  void asked(const dsl::Node& block, std::string_view key, model::Asked what,
             std::span<const std::string_view> choices) override {
    auto it = paths.find(&block);
    if (it == paths.end()) return;  // a stand-in block of the reader's own
    BlockSchema& b = (*schema)[it->second];
    auto k = std::find_if(b.keys.begin(), b.keys.end(),
                          [&](const KeySchema& s) { return s.key == key; });
    if (k == b.keys.end()) {
      b.keys.push_back({std::string(key)});
      k = b.keys.end() - 1;
    }
    switch (what) {
      case model::Asked::kAttribute:
        k->attribute = true;
        break;
      case model::Asked::kBlock:
        k->block = true;
        break;
      case model::Asked::kEither:
        k->attribute = k->block = true;
        break;
      case model::Asked::kBoolean:
        k->boolean = true;
        break;
      case model::Asked::kLocation:
        k->location = true;
        break;
      case model::Asked::kChoice:
        if (k->choices.empty()) k->choices.assign(choices.begin(), choices.end());
        break;
    }
  }
};

void index(const dsl::Node& node, const std::string& path,
           std::map<const dsl::Node*, std::string>& out) {
  out[&node] = path;
  for (const dsl::Node& child : node.body) {
    if (child.is_block) index(child, path + "/" + child.key, out);
  }
}

dsl::Node probe_block(std::string key) {
  dsl::Node n;
  n.is_block = true;
  n.key = std::move(key);
  n.labels.push_back({"probe", true, {}});
  return n;
}

// Adds a block for every key read as a block that the probe lacks; returns
// whether it added any.
bool grow(dsl::Node& node, const std::string& path,
          const std::map<std::string, BlockSchema>& schema) {
  bool grown = false;
  for (dsl::Node& child : node.body) grown |= grow(child, path + "/" + child.key, schema);
  auto it = schema.find(path);
  if (it == schema.end()) return grown;
  for (const KeySchema& k : it->second.keys) {
    if (!k.block) continue;
    bool present = std::any_of(node.body.begin(), node.body.end(),
                               [&](const dsl::Node& c) { return c.is_block && c.key == k.key; });
    if (present) continue;
    node.body.push_back(probe_block(k.key));
    grown = true;
  }
  return grown;
}

std::map<std::string, BlockSchema> discover() {
  std::map<std::string, BlockSchema> schema;
  dsl::Document doc;
  doc.items.push_back(probe_block("topology"));
  // Each round reaches one level deeper; the language nests far less than this.
  for (int round = 0; round < 16; ++round) {
    Recorder recorder;
    recorder.schema = &schema;
    index(doc.items.front(), "topology", recorder.paths);
    diag::DiagnosticSink sink;
    struct Observing {
      explicit Observing(model::ReaderObserver* o) { model::observe_readers(o); }
      ~Observing() { model::observe_readers(nullptr); }
    } observing(&recorder);
    model::build_model(doc, 0, sink);
    if (!grow(doc.items.front(), "topology", schema)) break;
  }
  return schema;
}

}  // namespace

const KeySchema* BlockSchema::find(std::string_view key) const {
  auto it =
      std::find_if(keys.begin(), keys.end(), [&](const KeySchema& k) { return k.key == key; });
  return it == keys.end() ? nullptr : &*it;
}

const std::map<std::string, BlockSchema>& language_schema() {
  static const std::map<std::string, BlockSchema> schema = discover();
  return schema;
}

}  // namespace topoc::lsp

#include "compiler/model/environments.h"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/model/path_names.h"

namespace topoc::model {
namespace {

using diag::Kind;

const dsl::Node* topology_of(const dsl::Document& document) {
  for (const dsl::Node& n : document.items) {
    if (n.is_block && n.key == "topology") return &n;
  }
  return nullptr;
}

bool is_environment_block(const dsl::Node& n) {
  return n.is_block && n.key == "environment";
}

bool same_labels(const dsl::Node& a, const dsl::Node& b) {
  if (a.labels.size() != b.labels.size()) return false;
  for (size_t i = 0; i < a.labels.size(); ++i) {
    if (a.labels[i].text != b.labels[i].text) return false;
  }
  return true;
}

std::string written(const dsl::Node& n) {
  std::string out = n.key;
  for (const dsl::Label& l : n.labels) out += fmt::format(" \"{}\"", l.text);
  return out;
}

// What may not differ between environments, and why: the residency of the
// data, which every environment must keep as the topology declares it.
const char* fixed_reason(const std::vector<const dsl::Node*>& path, const dsl::Node& item) {
  std::string_view parent = path.empty() ? "topology" : std::string_view(path.back()->key);
  if (item.key == "environment") {
    return "an environment's name is its label, and environments do not nest";
  }
  if (path.empty() && item.key == "boundary") {
    return "a boundary is the residency of the data, the same in every environment";
  }
  if (path.size() == 1 && parent == "tenant" && item.key == "residency") {
    return "a tenant's residency is the same in every environment";
  }
  if (path.size() == 1 && parent == "region" && item.key == "boundary") {
    return "the boundary that holds a region's data is the same in every environment";
  }
  return nullptr;
}

struct Merge {
  const Environment& env;
  uint32_t file;
  diag::DiagnosticSink& sink;

  // Merges `overrides` into `body`; `path` holds the blocks above, from the
  // topology's items down.
  void into(std::vector<dsl::Node>& body, const std::vector<dsl::Node>& overrides,
            std::vector<const dsl::Node*>& path) {
    for (const dsl::Node& o : overrides) {
      if (const char* why = fixed_reason(path, o)) {
        sink.report(Kind::FixedAcrossEnvironments, {file, o.key_span},
                    fmt::format("environment `{}` overrides `{}`, which may not vary: {}", env.name,
                                written(o), why))
            .help = "change it in the topology for every environment, or remove it here";
        continue;
      }
      auto base = std::find_if(body.begin(), body.end(), [&](const dsl::Node& b) {
        return b.key == o.key && b.is_block == o.is_block && same_labels(b, o);
      });
      if (base == body.end()) {
        if (o.is_block && !o.labels.empty()) {
          std::string where =
              path.empty() ? "the topology" : fmt::format("`{}`", written(*path.back()));
          sink.report(Kind::UnknownOverride, {file, o.labels[0].span},
                      fmt::format("environment `{}` overrides `{}`, which {} does not declare",
                                  env.name, written(o), where))
              .help = fmt::format(
              "an environment changes the values of what the topology declares; declare `{}` in "
              "the topology first",
              written(o));
          continue;
        }
        body.push_back(o);  // a value or block the base leaves to its default
        continue;
      }
      if (!o.is_block) {
        *base = o;
        continue;
      }
      path.push_back(&o);
      into(base->body, o.body, path);
      path.pop_back();
    }
  }
};

}  // namespace

Environments declared_environments(const dsl::Document& document, uint32_t file,
                                   diag::DiagnosticSink& sink) {
  Environments out;
  out.base = "prod";
  const dsl::Node* topology = topology_of(document);
  if (!topology) return out;
  out.topology = {file, topology->labels.empty() ? topology->key_span : topology->labels[0].span};
  for (const dsl::Node& n : topology->body) {
    if (!n.is_block && n.key == "environment" &&
        (n.value.kind == dsl::ValueKind::kIdentifier || n.value.kind == dsl::ValueKind::kString) &&
        valid_environment_name(n.value.text)) {
      out.base = n.value.text;
    }
  }
  for (const dsl::Node& n : topology->body) {
    if (!is_environment_block(n)) continue;
    if (n.labels.size() != 1) {
      sink.report(n.labels.empty() ? Kind::MissingAttribute : Kind::UnknownKey,
                  {file, n.labels.empty() ? n.key_span : n.labels[1].span},
                  "an environment block takes one name: write `environment \"staging\" { ... }`");
      continue;
    }
    const dsl::Label& label = n.labels[0];
    if (!valid_environment_name(label.text)) {
      sink.report(Kind::InvalidPathName, {file, label.span},
                  fmt::format("environment `{}` cannot name an output folder and state key; use 1 "
                              "to 16 lowercase letters, digits or `-`, starting with a letter or "
                              "digit",
                              label.text));
      continue;
    }
    if (label.text == out.base) {
      sink.report(Kind::DuplicateEnvironment, {file, label.span},
                  fmt::format("environment `{}` is the topology's own environment; its values are "
                              "the topology's",
                              label.text))
          .help = "change the values in the topology itself, or give this environment another name";
      continue;
    }
    auto first = std::find_if(out.declared.begin(), out.declared.end(),
                              [&](const Environment& e) { return e.name == label.text; });
    if (first != out.declared.end()) {
      sink.report(Kind::DuplicateEnvironment, {file, label.span},
                  fmt::format("environment `{}` is declared twice", label.text))
          .notes.push_back({first->label, "first declared here"});
      continue;
    }
    out.declared.push_back({label.text, {file, label.span}, &n});
  }
  return out;
}

bool has_environment_blocks(const dsl::Document& document) {
  const dsl::Node* topology = topology_of(document);
  return topology &&
         std::any_of(topology->body.begin(), topology->body.end(), is_environment_block);
}

dsl::Document effective_document(const dsl::Document& document, const Environment* env,
                                 uint32_t file, diag::DiagnosticSink& sink) {
  dsl::Document out = document;
  for (dsl::Node& topology : out.items) {
    if (!topology.is_block || topology.key != "topology") continue;
    std::erase_if(topology.body, is_environment_block);
    if (env) {
      Merge merge{*env, file, sink};
      std::vector<const dsl::Node*> path;
      merge.into(topology.body, env->block->body, path);
    }
    break;
  }
  return out;
}

}  // namespace topoc::model

// Turns a parsed document into the typed model: checks the shape of every
// construct (unknown keys, value kinds, duplicates, dangling references),
// applies defaults and resolves references. Azure's invariants are checked
// later, by compiler/rules, on the model this returns.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/model/topology.h"
#include "dsl/syntax_tree.h"

namespace topoc::model {

// Returns the model when the document has one `topology` block; the model may
// still be incomplete where diagnostics were reported.
std::optional<Topology> build_model(const dsl::Document& document, uint32_t file,
                                    diag::DiagnosticSink& sink);

// What a region's `services = [...]` list takes, in the order the language
// reference gives them: one spelling per service (Azure Managed Redis and
// Azure Cache for Redis are both `redis`).
std::vector<std::string_view> service_spellings();
// The service a `services` list entry spelled `spelling` names, if any.
std::optional<Service> service_spelled(std::string_view spelling);

}  // namespace topoc::model

#include "tests/fuzz/same_meaning.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "compiler/driver/check.h"
#include "compiler/emit/bicep/emit_bicep.h"
#include "compiler/emit/terraform/emit_terraform.h"
#include "dsl/parser.h"

namespace topoc::testing {
namespace {

void append_value(std::string& out, const dsl::Value& v) {
  out += fmt::format("{}:{}:{}", static_cast<int>(v.kind), v.text, v.number);
  if (v.kind != dsl::ValueKind::kList) return;
  out += "[";
  for (const dsl::Value& item : v.items) {
    append_value(out, item);
    out += ",";
  }
  out += "]";
}

void append_nodes(std::string& out, const std::vector<dsl::Node>& nodes, int depth) {
  for (const dsl::Node& n : nodes) {
    out += fmt::format("{:{}}{}", "", depth * 2, n.key);
    for (const dsl::Label& l : n.labels)
      out += fmt::format(" {}{}", l.quoted ? "q:" : "n:", l.text);
    if (n.is_block) {
      out += " {\n";
      append_nodes(out, n.body, depth + 1);
      out += fmt::format("{:{}}}}\n", "", depth * 2);
    } else {
      out += " = ";
      append_value(out, n.value);
      out += "\n";
    }
  }
}

void append_tree(std::string& out, const emit::FileTree& files) {
  for (const emit::EmittedFile& f : files) out += fmt::format("== {}\n{}", f.path, f.contents);
}

}  // namespace

std::string syntax_of(const dsl::Document& document) {
  std::string out;
  append_nodes(out, document.items, 0);
  return out;
}

std::string meaning_of(std::string_view text) {
  driver::CheckResult result;
  driver::check_source(result, "meaning.topo", std::string(text));
  std::string out;
  dsl::ParseResult parsed = dsl::parse(result.files.front());
  out +=
      parsed.error ? "syntax error: " + parsed.error->message + "\n" : syntax_of(parsed.document);
  std::vector<std::string> diagnostics;
  for (const diag::Diagnostic& d : result.sink.diagnostics()) {
    std::string line = fmt::format("{} {}", diag::info(d.kind).code, d.message);
    for (const diag::Note& n : d.notes) line += " / note: " + n.message;
    if (d.fixit) line += " / fix-it: " + d.fixit->replacement;
    if (!d.help.empty()) line += " / help: " + d.help;
    diagnostics.push_back(std::move(line));
  }
  // Diagnostics come sorted by position; without positions, by text.
  std::sort(diagnostics.begin(), diagnostics.end());
  for (const std::string& d : diagnostics) out += d + "\n";
  out += fmt::format("{} dropped\n", result.sink.dropped_count());
  if (result.sink.error_count() == 0 && result.models.front()) {
    append_tree(out, emit::emit_terraform(*result.models.front(), {}));
    append_tree(out, emit::emit_bicep(*result.models.front(), {}));
  }
  return out;
}

}  // namespace topoc::testing

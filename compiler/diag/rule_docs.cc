#include "compiler/diag/rule_docs.h"

#include <map>
#include <vector>

namespace topoc::diag {
namespace {

#include "embedded_rules_doc.inc"

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return lines;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

void finish(RuleDoc& doc, const std::vector<std::string_view>& body) {
  size_t first = 0, last = body.size();
  while (first < last && trim(body[first]).empty()) ++first;
  while (last > first && trim(body[last - 1]).empty()) --last;
  for (size_t i = first; i < last; ++i) {
    doc.markdown += body[i];
    doc.markdown += '\n';
  }
  // The first paragraph: lines up to a blank line or a fence.
  for (size_t i = first; i < last && !trim(body[i]).empty() && !body[i].starts_with("```"); ++i) {
    if (!doc.full_description.empty()) doc.full_description += ' ';
    doc.full_description += trim(body[i]);
  }
  doc.anchor = github_anchor(doc.heading);
}

// Sections by code: a `## ` line outside a fenced block starts one, and the
// next such line (or the end) closes it.
std::map<std::string, RuleDoc, std::less<>> parse(std::string_view markdown) {
  std::map<std::string, RuleDoc, std::less<>> docs;
  RuleDoc* open = nullptr;
  std::vector<std::string_view> body;
  bool in_fence = false;
  for (std::string_view line : split_lines(markdown)) {
    if (line.starts_with("```")) in_fence = !in_fence;
    if (!in_fence && line.starts_with("## ")) {
      if (open) finish(*open, body);
      body.clear();
      std::string heading(trim(line.substr(3)));
      std::string code = heading.substr(0, heading.find(' '));
      open = &docs[code];
      open->heading = std::move(heading);
      continue;
    }
    if (open) body.push_back(line);
  }
  if (open) finish(*open, body);
  return docs;
}

}  // namespace

const RuleDoc* rule_doc(std::string_view code) {
  static const auto docs = parse(kRulesDoc);
  auto it = docs.find(code);
  return it == docs.end() ? nullptr : &it->second;
}

std::string github_anchor(std::string_view heading) {
  std::string out;
  for (size_t i = 0; i < heading.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(heading[i]);
    if (c >= 0x80) {
      // U+2013 and U+2014 (E2 80 93, E2 80 94) are punctuation: dropped.
      if (c == 0xE2 && i + 2 < heading.size() && heading[i + 1] == '\x80' &&
          (heading[i + 2] == '\x93' || heading[i + 2] == '\x94')) {
        i += 2;
        continue;
      }
      out += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '-';
    }
  }
  return out;
}

}  // namespace topoc::diag

// Bicep symbolic names for things the topology names: `region "eu-west"`
// becomes the stem `euWest`, and main.bicep's symbols are that stem plus a
// suffix (`euWestNetwork`). Topology labels are free text, so two labels can
// give one stem; the table hands out each name once, numbering repeats.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace topoc::emit::bicep {

// lowerCamelCase of the ASCII letters and digits of `label`: other ASCII
// characters separate words, the first word is lowercased and later ones
// capitalised: "EU_west 1" -> "euWest1". Non-ASCII characters are dropped.
// Empty when the label has no ASCII letter or digit.
std::string camel_case(std::string_view label);

// Stems of one kind of thing (regions, boundaries): the camel case of the
// label, prefixed with `fallback` when that is empty or starts with a digit,
// and numbered when an earlier stem of the same kind is the same.
class StemTable {
 public:
  explicit StemTable(std::string fallback) : fallback_(std::move(fallback)) {}
  std::string stem(std::string_view label);

 private:
  std::string fallback_;
  std::set<std::string, std::less<>> stems_;
};

// The symbols of one Bicep file; each is handed out once.
class SymbolTable {
 public:
  // Reserves Bicep's keywords and the names main.bicep uses for itself.
  SymbolTable();

  // `name` itself, or `name` followed by the first number that is free.
  std::string take(std::string_view name);

 private:
  std::set<std::string, std::less<>> taken_;
};

}  // namespace topoc::emit::bicep

#include "compiler/naming/suffix.h"

#include "compiler/emit/sha256.h"

namespace topoc::naming {

std::string auto_suffix(std::string_view name, std::string_view seed) {
  std::string input(name);
  input += '\n';
  input += seed;
  return emit::sha256_hex(input).substr(0, kAutoSuffixLength);
}

std::string uniqueness_suffix(const model::Topology& t) {
  switch (t.naming.suffix.value) {
    case model::NameSuffix::kNone:
      return "";
    case model::NameSuffix::kFixed:
      return t.naming.fixed.value;
    case model::NameSuffix::kAuto:
      return auto_suffix(t.name, t.naming.seed.value);
  }
  return "";
}

}  // namespace topoc::naming

// The naming rules of every Azure resource type topoc creates: length,
// characters, how a name may start and end, and where it must be unique.
// Where Azure's documentation and the azurerm 4.x provider disagree, the
// stricter of the two is kept, so a name that passes here passes both.
#pragma once

#include <bitset>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace topoc::naming {

// Where no two resources of one type may share a name.
enum class Scope {
  kGlobal,         // all of Azure (the name becomes a DNS label)
  kSubscription,   // one subscription
  kResourceGroup,  // one resource group
  kParent,         // one parent resource (a VNet, a cluster, a Front Door profile...)
};

enum class Letters { kLowercase, kAnyCase };

// The first character a name may have.
enum class Start { kAny, kAlnum, kLetter };

// The last character a name may have.
enum class End { kAny, kAlnum, kAlnumOrUnderscore, kNotHyphen, kNotPeriod, kNotPeriodOrSpace };

struct NamingRule {
  std::string_view resource_type;  // azurerm type; `type.argument` for a name-like argument
  std::string_view noun;           // "storage account"
  uint32_t min_length;             // in characters
  uint32_t max_length;
  // Allow-list: ASCII letters (of `letters`), digits and `punctuation`.
  Letters letters = Letters::kAnyCase;
  std::string_view punctuation;
  // Free-text names (alerts, policies, Application Insights) use a deny-list
  // instead: anything but `forbidden` and control characters.
  bool free_text = false;
  std::string_view forbidden;
  Start start = Start::kAny;
  End end = End::kAny;
  bool no_double_hyphen = false;
  bool no_hyphen_in_first_two = false;  // AI Search: no `-` as first or second character
  Scope scope = Scope::kResourceGroup;
  std::string_view caf_prefix;  // Cloud Adoption Framework abbreviation; "" = none
  std::string_view summary;     // completes "<noun> names are ..."
};

std::span<const NamingRule> all_naming_rules();
const NamingRule* find_naming_rule(std::string_view resource_type);

// What is wrong with `name` under `rule`, as one sentence: "is 27 characters;
// storage account names are 3-24 lowercase letters and digits". Empty when
// the name is valid.
std::optional<std::string> violation(const NamingRule& rule, std::string_view name);

// Whether `c` (one byte of an ASCII name) is a character `rule` accepts
// anywhere in a name. Bytes of non-ASCII characters are never accepted.
bool allows_character(const NamingRule& rule, char c);
// allows_character of each byte, as a table indexed by the byte.
std::bitset<256> accepted_byte_table(const NamingRule& rule);

// Length in characters (UTF-8 code points), as Azure counts it.
size_t name_length(std::string_view name);

}  // namespace topoc::naming

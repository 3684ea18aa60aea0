// IPv4 CIDR arithmetic for address spaces and subnets.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace topoc::model {

struct Cidr {
  uint32_t address = 0;  // network address, host order
  int prefix = 0;        // 0..32

  uint64_t size() const { return uint64_t{1} << (32 - prefix); }
  uint32_t last() const { return static_cast<uint32_t>(address + size() - 1); }
  bool contains(const Cidr& other) const {
    return other.prefix >= prefix && other.address >= address && other.last() <= last();
  }
  bool overlaps(const Cidr& other) const {
    return address <= other.last() && other.address <= last();
  }
  std::string to_string() const;
  bool operator==(const Cidr&) const = default;
};

enum class CidrProblem { kNone, kMalformed, kHostBitsSet };

struct ParsedCidr {
  Cidr cidr;
  CidrProblem problem = CidrProblem::kNone;
};

// Parses "a.b.c.d/n". Host bits set (10.1.2.0/16) is reported, with `cidr`
// holding the network it was probably meant to be.
ParsedCidr parse_cidr(std::string_view text);

// The n-th block of `prefix` bits inside `space`, if it fits.
std::optional<Cidr> nth_subnet(const Cidr& space, int prefix, uint32_t n);

}  // namespace topoc::model

#include "compiler/model/network.h"

#include <fmt/format.h>

#include <charconv>

namespace topoc::model {

std::string Cidr::to_string() const {
  return fmt::format("{}.{}.{}.{}/{}", address >> 24, (address >> 16) & 0xff, (address >> 8) & 0xff,
                     address & 0xff, prefix);
}

ParsedCidr parse_cidr(std::string_view text) {
  ParsedCidr out;
  uint32_t address = 0;
  const char* p = text.data();
  const char* end = text.data() + text.size();
  for (int i = 0; i < 4; ++i) {
    unsigned octet = 0;
    auto [next, ec] = std::from_chars(p, end, octet);
    if (ec != std::errc() || octet > 255 || next == end || *next != (i < 3 ? '.' : '/')) {
      out.problem = CidrProblem::kMalformed;
      return out;
    }
    address = (address << 8) | octet;
    p = next + 1;
  }
  int prefix = 0;
  auto [next, ec] = std::from_chars(p, end, prefix);
  if (ec != std::errc() || next != end || prefix < 0 || prefix > 32) {
    out.problem = CidrProblem::kMalformed;
    return out;
  }
  uint32_t mask = prefix == 0 ? 0 : ~uint32_t{0} << (32 - prefix);
  out.cidr = {address & mask, prefix};
  if ((address & ~mask) != 0) out.problem = CidrProblem::kHostBitsSet;
  return out;
}

std::optional<Cidr> nth_subnet(const Cidr& space, int prefix, uint32_t n) {
  if (prefix < space.prefix || prefix > 32) return std::nullopt;
  uint64_t count = uint64_t{1} << (prefix - space.prefix);
  if (n >= count) return std::nullopt;
  uint64_t step = uint64_t{1} << (32 - prefix);
  return Cidr{static_cast<uint32_t>(space.address + n * step), prefix};
}

}  // namespace topoc::model

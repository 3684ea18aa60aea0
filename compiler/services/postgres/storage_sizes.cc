#include "compiler/services/postgres/storage_sizes.h"

#include <algorithm>

namespace topoc::services::postgres {
namespace {

// Each size admits its default tier and every higher one up to the top of
// its disk family (P50 up to 4 TiB, P80 above).
constexpr std::string_view kTiers[] = {"P4",  "P6",  "P10", "P15", "P20", "P30",
                                       "P40", "P50", "P60", "P70", "P80"};
constexpr std::span<const std::string_view> tiers(size_t first, size_t last) {
  return std::span<const std::string_view>(kTiers).subspan(first, last - first + 1);
}

const StorageSize kSizes[] = {
    {32, "P4", tiers(0, 7)},     {64, "P6", tiers(1, 7)},      {128, "P10", tiers(2, 7)},
    {256, "P15", tiers(3, 7)},   {512, "P20", tiers(4, 7)},    {1024, "P30", tiers(5, 7)},
    {2048, "P40", tiers(6, 7)},  {4095, "P50", tiers(7, 7)},   {4096, "P50", tiers(7, 7)},
    {8192, "P60", tiers(8, 10)}, {16384, "P70", tiers(9, 10)}, {32767, "P80", tiers(10, 10)},
};

}  // namespace

std::span<const StorageSize> storage_sizes() {
  return kSizes;
}

const StorageSize* find_storage_size(int64_t gib) {
  auto it = std::find_if(std::begin(kSizes), std::end(kSizes),
                         [&](const StorageSize& s) { return s.gib == gib; });
  return it == std::end(kSizes) ? nullptr : &*it;
}

}  // namespace topoc::services::postgres

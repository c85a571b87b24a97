// The procedure cells' hash map: keys found after growing by doubling and after one reserve, which
// makes room in a single step (a big file sizes the cells once instead of rehashing under it).
#include <gtest/gtest.h>

#include <cstdint>

#include "measure/flat_map.h"

namespace dxmon::measure {
namespace {

// Stores key × 3 under every key of 0 … n−1 (0 too: the map stores key + 1) and checks them.
void fill_and_check(FlatMap64<std::uint64_t>& map, std::uint64_t n) {
  for (std::uint64_t k = 0; k < n; ++k) map[k * 0x9E3779B97F4A7C15ULL] = k * 3;
  EXPECT_EQ(map.size(), n);
  for (std::uint64_t k = 0; k < n; ++k) {
    const std::uint64_t* v = map.find(k * 0x9E3779B97F4A7C15ULL);
    ASSERT_NE(v, nullptr) << k;
    EXPECT_EQ(*v, k * 3);
  }
  EXPECT_EQ(map.find(12345), nullptr);
}

TEST(FlatMap64, KeysSurviveGrowingByDoubling) {
  FlatMap64<std::uint64_t> map;
  fill_and_check(map, 50000);
  EXPECT_LE(map.size() * 4, map.raw_slots().size() * 3);  // load at most 3/4
}

TEST(FlatMap64, AReserveMakesRoomInOneStep) {
  FlatMap64<std::uint64_t> map;
  map[7] = 1;
  map.reserve(50000);
  const std::size_t slots = map.raw_slots().size();
  EXPECT_GE(slots * 3, 50000u * 4);
  EXPECT_EQ(*map.find(7), 1u);  // what was there before is kept
  map.reserve(100);             // asking for less changes nothing
  EXPECT_EQ(map.raw_slots().size(), slots);
  FlatMap64<std::uint64_t> fresh;
  fresh.reserve(50000);
  fill_and_check(fresh, 50000);
  EXPECT_EQ(fresh.raw_slots().size(), slots);  // no growth while filling what was reserved
}

}  // namespace
}  // namespace dxmon::measure

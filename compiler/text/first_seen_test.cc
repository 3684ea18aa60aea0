#include "compiler/text/first_seen.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace topoc {
namespace {

TEST(FirstSeen, EachNameAnswersWithItsFirstIndex) {
  FirstSeen seen(4);
  EXPECT_EQ(0u, seen.first("eu", 0));
  EXPECT_EQ(1u, seen.first("us", 1));
  EXPECT_EQ(0u, seen.first("eu", 2));
  EXPECT_EQ(3u, seen.first("EU", 3));  // names are compared as written
  EXPECT_EQ(0u, seen.first("eu", 4));
  EXPECT_EQ(5u, seen.first("", 5));
  EXPECT_EQ(5u, seen.first("", 6));
}

TEST(FirstSeen, GrowsPastWhatWasExpectedAndKeepsEveryName) {
  // Far more names than expected: the table doubles many times over, and a
  // name seen before each growth still answers with its first index.
  std::vector<std::string> names;
  for (int i = 0; i < 5000; ++i) names.push_back("tenant-" + std::to_string(i));
  FirstSeen seen(1);
  for (size_t i = 0; i < names.size(); ++i) ASSERT_EQ(i, seen.first(names[i], i));
  for (size_t i = 0; i < names.size(); ++i) {
    ASSERT_EQ(i, seen.first(names[i], names.size() + i)) << names[i];
  }
}

}  // namespace
}  // namespace topoc

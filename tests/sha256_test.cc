#include "compiler/emit/sha256.h"

#include <gtest/gtest.h>

namespace topoc::emit {
namespace {

TEST(Sha256, KnownAnswers) {
  EXPECT_EQ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", sha256_hex(""));
  EXPECT_EQ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", sha256_hex("abc"));
  EXPECT_EQ("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
            sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
  EXPECT_EQ("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
            sha256_hex(std::string(1000000, 'a')));
}

// Padding takes one extra block when fewer than 9 bytes are left in the last one.
TEST(Sha256, LengthsAroundTheBlockBoundary) {
  EXPECT_EQ("d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072",
            sha256_hex(std::string(55, 'x')));
  EXPECT_EQ("04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e",
            sha256_hex(std::string(56, 'x')));
  EXPECT_EQ("75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2",
            sha256_hex(std::string(63, 'x')));
  EXPECT_EQ("7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c",
            sha256_hex(std::string(64, 'x')));
  EXPECT_EQ("9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9",
            sha256_hex(std::string(65, 'x')));
  EXPECT_EQ("13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98",
            sha256_hex(std::string(120, 'x')));
}

TEST(Sha256, HashesBytesNotText) {
  EXPECT_NE(sha256_hex(std::string("a\0b", 3)), sha256_hex(std::string("a\0c", 3)));
}

}  // namespace
}  // namespace topoc::emit

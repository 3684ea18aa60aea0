#include "compiler/text/visible.h"

#include <gtest/gtest.h>

#include <string>

#include "compiler/text/markdown.h"

namespace topoc {
namespace {

TEST(Visible, ControlCharactersAsTheLanguageWritesThem) {
  EXPECT_EQ(R"(a\nb\rc\td\u{1b}[0m\u{7}\u{0}\u{7f})",
            escape_controls(std::string("a\nb\rc\td\x1b[0m\x07\0\x7f", 14)));
}

TEST(Visible, UnicodeControlsAndInvalidBytes) {
  // U+0085 (NEL), U+202E (right-to-left override), a lone 0xff byte.
  EXPECT_EQ(R"(x\u{85}y\u{202e}z\xff)", escape_controls("x\xc2\x85y\xe2\x80\xaez\xff"));
  EXPECT_EQ("Zürich 東京", escape_controls("Zürich 東京"));
}

TEST(Visible, BackticksOnlyWhenAsked) {
  EXPECT_EQ("a`b", escape_controls("a`b"));
  EXPECT_EQ(R"(a\u{60}b)", visible("a`b"));
}

TEST(Visible, TruncatedAtACharacterBoundaryWithTheLength) {
  EXPECT_EQ("short", truncated("short"));
  EXPECT_EQ("abc… (6 bytes)", truncated("abcdef", 3));
  // "é" is two bytes: a cut inside it backs off before it.
  EXPECT_EQ("ab… (5 bytes)", truncated("ab\xc3\xa9x", 3));
}

TEST(Markdown, CodeSpanOutlastsBackticksInside) {
  EXPECT_EQ("`plain`", markdown_code("plain"));
  EXPECT_EQ("``a`b``", markdown_code("a`b"));
  EXPECT_EQ("``` ``x ```", markdown_code("``x"));
  EXPECT_EQ(R"(`a\|b\n`)", markdown_code("a|b\n"));
}

TEST(Markdown, MessageProseCannotMakeMarkup) {
  EXPECT_EQ("`st1` is not deployed", markdown_message("`st1` is not deployed"));
  // A name `x` [link](http://e) `y` keeps the pairs but cannot link.
  EXPECT_EQ(R"(`x` \[link\](http://e) `y` is not deployed)",
            markdown_message("`x` [link](http://e) `y` is not deployed"));
  // An odd backtick: no code spans at all, every backtick escaped.
  EXPECT_EQ(R"(\`a\`b\` \*x\* &lt;img&gt;)", markdown_message("`a`b` *x* <img>"));
}

}  // namespace
}  // namespace topoc

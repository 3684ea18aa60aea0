#include "dsl/parser.h"

#include <gtest/gtest.h>

namespace topoc::dsl {
namespace {

ParseResult parse_text(std::string text) {
  static std::vector<std::unique_ptr<SourceFile>> keep;  // spans refer into the file's text
  keep.push_back(std::make_unique<SourceFile>("test.topo", std::move(text)));
  return parse(*keep.back());
}

TEST(Parser, ReadsBlocksAttributesAndLabels) {
  auto r = parse_text("topology \"x\" {\n  environment = \"prod\"\n  region \"eu\" { location = westeurope }\n}\n");
  ASSERT_FALSE(r.error) << r.error->message;
  ASSERT_EQ(1u, r.document.items.size());
  const Node& t = r.document.items[0];
  EXPECT_TRUE(t.is_block);
  EXPECT_EQ("topology", t.key);
  ASSERT_EQ(1u, t.labels.size());
  EXPECT_EQ("x", t.labels[0].text);
  EXPECT_TRUE(t.labels[0].quoted);
  ASSERT_EQ(2u, t.body.size());
  EXPECT_EQ("environment", t.body[0].key);
  EXPECT_EQ(ValueKind::kString, t.body[0].value.kind);
  EXPECT_EQ("prod", t.body[0].value.text);
  EXPECT_EQ("westeurope", t.body[1].body[0].value.text);
  EXPECT_EQ(ValueKind::kIdentifier, t.body[1].body[0].value.kind);
}

TEST(Parser, SeveralAttributesOnOneLine) {
  auto r = parse_text("objectives { rto = 5m  rpo = 1m }");
  ASSERT_FALSE(r.error);
  const Node& o = r.document.items[0];
  ASSERT_EQ(2u, o.body.size());
  EXPECT_EQ(ValueKind::kQuantity, o.body[0].value.kind);
  EXPECT_EQ(5, o.body[0].value.number);
  EXPECT_EQ("m", o.body[0].value.text);
  EXPECT_EQ("rpo", o.body[1].key);
}

TEST(Parser, ValueKinds) {
  auto r = parse_text("a = 10.1.0.0/16\nb = 99.9%\nc = -1\nd = [DE, \"FR\", 3,]\ne = active-active\nf = cosmos.replication_latency\n");
  ASSERT_FALSE(r.error) << r.error->message;
  const auto& items = r.document.items;
  EXPECT_EQ(ValueKind::kCidr, items[0].value.kind);
  EXPECT_EQ("10.1.0.0/16", items[0].value.text);
  EXPECT_EQ(ValueKind::kQuantity, items[1].value.kind);
  EXPECT_DOUBLE_EQ(99.9, items[1].value.number);
  EXPECT_EQ("%", items[1].value.text);
  EXPECT_EQ(ValueKind::kNumber, items[2].value.kind);
  EXPECT_EQ(-1, items[2].value.number);
  ASSERT_EQ(ValueKind::kList, items[3].value.kind);
  ASSERT_EQ(3u, items[3].value.items.size());
  EXPECT_EQ("FR", items[3].value.items[1].text);
  EXPECT_EQ("active-active", items[4].value.text);
  EXPECT_EQ("cosmos.replication_latency", items[5].value.text);
}

TEST(Parser, StringEscapes) {
  auto r = parse_text(R"(a = "q\"b\\n\n\t\u{e9}\${x}")");
  ASSERT_FALSE(r.error);
  EXPECT_EQ("q\"b\\n\n\t\xc3\xa9${x}", r.document.items[0].value.text);
}

TEST(Parser, Comments) {
  auto r = parse_text("# hash\n// slashes\n/* block\n comment */ a = 1 // trailing\n");
  ASSERT_FALSE(r.error);
  ASSERT_EQ(1u, r.document.items.size());
}

TEST(Parser, LabeledAttribute) {
  auto r = parse_text("geo \"eu\" = [DE, FR]");
  ASSERT_FALSE(r.error);
  EXPECT_FALSE(r.document.items[0].is_block);
  EXPECT_EQ("eu", r.document.items[0].labels[0].text);
}

TEST(Parser, SpansAreByteOffsets) {
  auto r = parse_text("a = 1\nbb = xyz\n");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(6u, r.document.items[1].key_span.begin);
  EXPECT_EQ(8u, r.document.items[1].key_span.end);
  EXPECT_EQ(11u, r.document.items[1].value.span.begin);
  EXPECT_EQ(14u, r.document.items[1].value.span.end);
}

TEST(ParserErrors, MissingValueAfterEquals) {
  auto r = parse_text("topology \"x\" {\n  rto = \n}\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(SyntaxErrorKind::kGrammar, r.error->kind);
  EXPECT_EQ(
      "expected a value after `=`: a string, number, duration like 30s, CIDR, name or list; found `}`",
      r.error->message);
  EXPECT_EQ(24u, r.error->span.begin);
}

TEST(ParserErrors, UnterminatedString) {
  auto r = parse_text("a = \"abc\nb = 1\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ("unterminated string; a string ends with `\"` on the same line; found end of line",
            r.error->message);
  EXPECT_EQ(8u, r.error->span.begin);
}

TEST(ParserErrors, UnterminatedBlockNamesItsOpening) {
  auto r = parse_text("topology \"x\" {\n  region \"eu\" {\n    location = westeurope\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(
      "expected `}` to close the block, or another attribute or block; found end of file",
      r.error->message);
  ASSERT_EQ(1u, r.error->notes.size());
  EXPECT_EQ("block `region` opened here", r.error->notes[0].message);
  EXPECT_EQ(17u, r.error->notes[0].span.begin);
}

TEST(ParserErrors, UnterminatedComment) {
  auto r = parse_text("a = 1 /* never closed");
  ASSERT_TRUE(r.error);
  EXPECT_EQ("unterminated comment; a `/*` comment ends with `*/`; found end of file", r.error->message);
}

TEST(ParserErrors, NestedListsAreRejected) {
  auto r = parse_text("a = [[1]]");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(5u, r.error->span.begin);
}

TEST(ParserErrors, DeepNestingStopsAtTheLimit) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "a {";
  auto r = parse_text(text);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(SyntaxErrorKind::kNestingTooDeep, r.error->kind);
  EXPECT_EQ("blocks are nested more than 32 levels deep", r.error->message);
}

TEST(ParserErrors, InvalidUtf8) {
  auto r = parse_text("a = \"caf\xe9\"");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(SyntaxErrorKind::kInvalidUtf8, r.error->kind);
  EXPECT_EQ(8u, r.error->span.begin);
}

TEST(ParserErrors, BinaryGarbage) {
  auto r = parse_text(std::string("\x00\x01\x02topology", 11));
  ASSERT_TRUE(r.error);
  EXPECT_EQ(
      "expected an attribute (`name = value`) or a block (`name \"label\" { ... }`); found byte 0x00",
      r.error->message);
}

// Syntax errors are reported on the line of the mistake, with what to write.
TEST(ParserRecovery, MissingOpenBraceBeforeAnIndentedBody) {
  auto r = parse_text("topology \"x\" {\n  region \"eu\"\n    location = westeurope\n  }\n}\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ("expected `{` after `region \"eu\"`: the lines below are indented as its body",
            r.error->message);
  EXPECT_EQ(28u, r.error->span.begin);  // just after `"eu"` on line 2
  EXPECT_EQ("write `region \"eu\" {` to open the block", r.error->help);
  EXPECT_TRUE(r.error->notes.empty());
}

TEST(ParserRecovery, MissingEqualsBeforeALineBreak) {
  auto r = parse_text("region \"eu\" {\n  failover northeurope\n  address  = 10.1.0.0/16\n}\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ("expected `=` between `failover` and `northeurope`", r.error->message);
  EXPECT_EQ(25u, r.error->span.begin);
  EXPECT_EQ(36u, r.error->span.end);
  EXPECT_EQ("write `failover = northeurope`", r.error->help);
}

TEST(ParserRecovery, MissingEqualsBeforeANumberOnTheSameLine) {
  auto r = parse_text("system { vm = Standard_D4s_v5  min 3  max = 10 }\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ("expected `=` between `min` and its value", r.error->message);
  EXPECT_EQ(35u, r.error->span.begin);
  EXPECT_EQ("write `min = 3`", r.error->help);
}

TEST(ParserRecovery, ColonInsteadOfEquals) {
  auto r = parse_text("objectives { rto: 5m }\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ("expected `=` after `rto`, not `:`", r.error->message);
  EXPECT_EQ(16u, r.error->span.begin);
  EXPECT_EQ("write `rto = 5m`", r.error->help);
}

TEST(ParserRecovery, ExtraCloseBraceIsFoundWhereItIsNotWhereTheFileEnds) {
  auto r = parse_text(
      "topology \"x\" {\n"     // 0
      "  region \"a\" {\n"     // 15
      "    aks {\n"            // 30
      "    }\n"                // 40
      "    }\n"                // 46: the extra one
      "    storage { replication = ZRS }\n"
      "  }\n"
      "}\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(50u, r.error->span.begin);
  EXPECT_EQ(
      "this `}` would close `region \"a\"`, but is indented deeper than it: it closes no block at "
      "its indentation",
      r.error->message);
  ASSERT_EQ(1u, r.error->notes.size());
  EXPECT_EQ(17u, r.error->notes[0].span.begin);
  EXPECT_EQ("remove this `}` if it is extra, or add the `{` it was meant to close", r.error->help);
}

TEST(ParserRecovery, MissingCloseBraceIsFoundAtTheFirstLineOutsideTheBlock) {
  auto r = parse_text(
      "topology \"x\" {\n"            // 0
      "  region \"a\" {\n"            // 15
      "    location = eastus\n"       // 30
      "  region \"b\" {\n"            // 52: `region "a"` is still open
      "    location = westus\n"
      "  }\n"
      "}\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(54u, r.error->span.begin);
  EXPECT_EQ(
      "expected `}` to close `region \"a\"` before this line, which is indented like the block "
      "around it",
      r.error->message);
  ASSERT_EQ(1u, r.error->notes.size());
  EXPECT_EQ(17u, r.error->notes[0].span.begin);
  EXPECT_EQ("add `}` on its own line above this one, indented like `region \"a\"`", r.error->help);
}

// Layout only moves an error; it never rejects a file the grammar accepts.
TEST(ParserRecovery, LayoutDoesNotMatterToValidFiles) {
  EXPECT_FALSE(parse_text("topology \"x\"\n{\n  region \"a\"\n  {\n    location = eastus\n  }\n}\n").error);
  EXPECT_FALSE(parse_text("topology \"x\" {\nregion \"a\" {\nlocation = eastus\n    }\n      }\n").error);
  EXPECT_FALSE(parse_text("a {\n  include = [\n\"x\",\n  ]\n}\n").error);
}

// Without layout to go by (an unindented file), the parser's own position stays.
TEST(ParserRecovery, UnindentedFileKeepsTheParsersPosition) {
  auto r = parse_text("topology \"x\" {\nregion \"a\" {\n}\n}\nregion \"b\" {\n}\n}\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(47u, r.error->span.begin);  // the last `}`, where the parser stopped
  EXPECT_EQ("", r.error->help);
}

// Labels share the line of their name: the next line's first word is not one.
TEST(ParserRecovery, LabelsStayOnTheLineOfTheirName) {
  auto r = parse_text("geo \"eu\" = [DE]\nblock \"a\" \"b\"\n{\n}\n");
  ASSERT_FALSE(r.error);
  ASSERT_EQ(2u, r.document.items[1].labels.size());
  auto split = parse_text("block\n  \"a\" {\n}\n");
  ASSERT_TRUE(split.error);
  EXPECT_EQ(5u, split.error->span.begin);
}

TEST(Utf8, AcceptsValidAndRejectsOverlongAndSurrogates) {
  EXPECT_FALSE(find_invalid_utf8("plain \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
  EXPECT_EQ(0u, *find_invalid_utf8("\xc0\xaf"));
  EXPECT_EQ(1u, *find_invalid_utf8("a\xed\xa0\x80"));
  EXPECT_EQ(2u, *find_invalid_utf8("ab\xe2\x82"));
}

}  // namespace
}  // namespace topoc::dsl

// The HCL writer: escaping of user text and `terraform fmt` layout.
#include "compiler/emit/terraform/hcl_writer.h"

#include <gtest/gtest.h>

namespace topoc::emit::hcl {
namespace {

TEST(HclEscape, PlainTextIsUnchanged) { EXPECT_EQ("\"rag-platform\"", quote("rag-platform")); }

TEST(HclEscape, QuotesAndBackslashesAreEscaped) {
  EXPECT_EQ(R"("say \"hi\" \\ bye")", quote(R"(say "hi" \ bye)"));
}

TEST(HclEscape, NewlinesTabsAndCarriageReturnsAreEscaped) {
  EXPECT_EQ(R"("a\nb\tc\rd")", quote("a\nb\tc\rd"));
}

TEST(HclEscape, OtherControlCharactersBecomeUnicodeEscapes) {
  EXPECT_EQ(R"("a\u0000b\u001Bc\u007F")", quote(std::string("a\0b\x1b" "c\x7f", 6)));
}

TEST(HclEscape, TemplateInterpolationIsDoubled) {
  EXPECT_EQ(R"("$${var.secret}")", quote("${var.secret}"));
}

TEST(HclEscape, TemplateDirectiveIsDoubled) {
  EXPECT_EQ(R"("%%{ if true }x%%{ endif }")", quote("%{ if true }x%{ endif }"));
}

TEST(HclEscape, LoneSigilsStayAsTheyAre) { EXPECT_EQ(R"("5$ and 10% off {}")", quote("5$ and 10% off {}")); }

TEST(HclEscape, AHostileStringCannotCloseTheLiteral) {
  // Closing the string and opening a new block is the classic injection.
  EXPECT_EQ(R"("x\"\n}\nresource \"null_resource\" \"pwn\" {\n  # $${file(\"/etc/passwd\")}")",
            quote("x\"\n}\nresource \"null_resource\" \"pwn\" {\n  # ${file(\"/etc/passwd\")}"));
}

TEST(HclEscape, NonAsciiTextIsKeptInValues) { EXPECT_EQ("\"Zürich ✓\"", quote("Zürich ✓")); }

TEST(HclKey, IdentifiersAreBare) {
  EXPECT_EQ("eu", render_key("eu"));
  EXPECT_EQ("managed-by", render_key("managed-by"));
  EXPECT_EQ("_x1", render_key("_x1"));
}

TEST(HclKey, KeywordsAndOtherTextAreQuoted) {
  EXPECT_EQ("\"for\"", render_key("for"));
  EXPECT_EQ("\"null\"", render_key("null"));
  EXPECT_EQ("\"1st\"", render_key("1st"));
  EXPECT_EQ("\"a b\"", render_key("a b"));
  EXPECT_EQ("\"a.b\"", render_key("a.b"));
  EXPECT_EQ("\"\"", render_key(""));
}

TEST(HclKey, NonAsciiKeysUseUnicodeEscapesSoColumnsEqualBytes) {
  EXPECT_EQ(R"("Kostenstelle-\u00FC")", render_key("Kostenstelle-ü"));
  EXPECT_EQ(R"("\U0001F600")", render_key("\xF0\x9F\x98\x80"));
}

TEST(HclKey, QuotedKeysAreEscapedLikeStrings) {
  EXPECT_EQ(R"("$${x}\"")", render_key("${x}\""));
}

TEST(HclLayout, ConsecutiveAttributesAlignTheirEquals) {
  Body b;
  b.attribute("name", Expr::string("a"));
  b.attribute("resource_group_name", Expr::string("b"));
  EXPECT_EQ("name                = \"a\"\nresource_group_name = \"b\"\n", b.render_file());
}

TEST(HclLayout, BlankLinesAndCommentsStartANewRun) {
  Body b;
  b.attribute("a", Expr::number(int64_t{1}));
  b.blank();
  b.attribute("long_name", Expr::number(int64_t{2}));
  b.comment("why");
  b.attribute("bb", Expr::number(int64_t{3}));
  EXPECT_EQ("a = 1\n\nlong_name = 2\n# why\nbb = 3\n", b.render_file());
}

TEST(HclLayout, MultiLineValuesBreakTheRunAndAlignInside) {
  Body b;
  b.attribute("x", Expr::number(int64_t{1}));
  b.attribute("tags", Expr::object({{"a", Expr::string("1")}, {"long", Expr::string("2")}}));
  b.attribute("yy", Expr::number(int64_t{2}));
  b.attribute("z", Expr::boolean(true));
  EXPECT_EQ("x = 1\ntags = {\n  a    = \"1\"\n  long = \"2\"\n}\nyy = 2\nz  = true\n", b.render_file());
}

TEST(HclLayout, EmptyCollectionsStayOnOneLine) {
  Body b;
  b.attribute("m", Expr::object({}));
  b.attribute("list", Expr::list({}));
  EXPECT_EQ("m    = {}\nlist = []\n", b.render_file());
}

TEST(HclLayout, ListsOfScalarsAndInlineObjectsStayOnOneLine) {
  Body b;
  b.attribute("zones", Expr::string_list({"1", "2"}));
  b.attribute("geo", Expr::list({Expr::inline_object({{"location", Expr::string("westeurope")},
                                                      {"priority", Expr::number(int64_t{0})}})}));
  EXPECT_EQ("zones = [\"1\", \"2\"]\ngeo   = [{ location = \"westeurope\", priority = 0 }]\n",
            b.render_file());
}

TEST(HclLayout, ListsOfObjectsGoOneItemALine) {
  Body b;
  b.attribute("items", Expr::list({Expr::object({{"a", Expr::number(int64_t{1})}})}));
  EXPECT_EQ("items = [\n  {\n    a = 1\n  },\n]\n", b.render_file());
}

TEST(HclLayout, BlocksIndentByTwoAndQuoteLabels) {
  Body inner;
  inner.attribute("type", Expr::string("SystemAssigned"));
  Body resource;
  resource.attribute("name", Expr::raw("var.name"));
  resource.blank();
  resource.block("identity", {}, std::move(inner));
  resource.block("features", {}, Body());
  Body file;
  file.block("resource", {"azurerm_x", "this"}, std::move(resource));
  EXPECT_EQ(
      "resource \"azurerm_x\" \"this\" {\n  name = var.name\n\n  identity {\n    type = "
      "\"SystemAssigned\"\n  }\n  features {}\n}\n",
      file.render_file());
}

TEST(HclLayout, BlankLinesAreNeverDoubledOrAtTheEdgesOfABody) {
  Body inner;
  inner.blank();
  inner.attribute("a", Expr::number(int64_t{1}));
  inner.blank();
  inner.blank();
  inner.attribute("b", Expr::number(int64_t{2}));
  inner.blank();
  Body file;
  file.block("locals", {}, std::move(inner));
  EXPECT_EQ("locals {\n  a = 1\n\n  b = 2\n}\n", file.render_file());
}

TEST(HclLayout, MultiLineCommentTextBecomesOneCommentPerLine) {
  Body b;
  b.comment("first\nsecond\x01line");
  EXPECT_EQ("# first\n# second line\n", b.render_file());
}

TEST(HclLayout, QuotedKeysAlignByTheirWrittenWidth) {
  Body b;
  b.attribute("t", Expr::object({{"a b", Expr::number(int64_t{1})}, {"c", Expr::number(int64_t{2})}}));
  EXPECT_EQ("t = {\n  \"a b\" = 1\n  c     = 2\n}\n", b.render_file());
}

TEST(HclLayout, NumbersRenderInTheirShortestForm) {
  EXPECT_EQ("a = 500\n", Body().attribute("a", Expr::number(500.0)).render_file());
  EXPECT_EQ("a = 0.5\n", Body().attribute("a", Expr::number(0.5)).render_file());
  EXPECT_EQ("a = -3\n", Body().attribute("a", Expr::number(int64_t{-3})).render_file());
}

TEST(HclLayout, ListsWiderThanALineGoOneItemALine) {
  std::vector<std::string> zones(6, "privatelink.example.azure.com");
  Body b;
  b.attribute("a", Expr::number(int64_t{1}));
  b.attribute("zones", Expr::string_list(zones));
  std::string expected = "a = 1\nzones = [\n";
  for (const std::string& z : zones) expected += "  \"" + z + "\",\n";
  expected += "]\n";
  EXPECT_EQ(expected, b.render_file());
}

TEST(HclLayout, ACopiedValueRendersAsItsOriginalAfterTheOriginalIsGone) {
  Body b;
  {
    Expr inner = Expr::object({{"name", Expr::string("vnet-a")}, {"tags", Expr::object({})}});
    Expr outer = Expr::object({{"network", inner}, {"zones", Expr::string_list({"1", "2"})}});
    b.attribute("first", outer);
    b.attribute("second", outer);
  }
  const std::string value =
      "{\n  network = {\n    name = \"vnet-a\"\n    tags = {}\n  }\n  zones = [\"1\", \"2\"]\n}\n";
  EXPECT_EQ("first = " + value + "second = " + value, b.render_file());
}

}  // namespace
}  // namespace topoc::emit::hcl

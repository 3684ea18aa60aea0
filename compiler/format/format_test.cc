// The layout rules of `topoc fmt`, each on a small input compared whole.
#include "compiler/format/format.h"

#include <gtest/gtest.h>

namespace topoc::format {
namespace {

// Formats `text`, and checks that formatting the result changes nothing.
std::string fmt(std::string_view text) {
  std::optional<std::string> once = format_source(text);
  if (!once) return "<syntax error>";
  std::optional<std::string> twice = format_source(*once);
  EXPECT_TRUE(twice && *twice == *once) << "not idempotent on:\n"
                                        << text << "\nfirst:\n"
                                        << *once << "\nsecond:\n"
                                        << twice.value_or("<none>");
  return *once;
}

TEST(Format, IndentsTwoSpacesPerBlockLevel) {
  EXPECT_EQ(
      "topology \"t\" {\n"
      "  region \"a\" {\n"
      "    aks {\n"
      "      system {\n"
      "        vm = x\n"
      "      }\n"
      "    }\n"
      "  }\n"
      "}\n",
      fmt("topology \"t\" {\nregion \"a\" {\n\t\taks {\n system {\n      vm = x\n}\n    }\n"
          "        }\n}"));
}

TEST(Format, PutsEveryItemOfAMultiLineBlockOnItsOwnLine) {
  EXPECT_EQ("t {\n  a = 1\n  b = 2\n  c { d = 3 }\n}\n", fmt("t { a = 1 b = 2\n c { d = 3 } }"));
}

TEST(Format, KeepsABlockWrittenOnOneLineOnOneLine) {
  EXPECT_EQ("region \"weu\" { location = westeurope  address = 10.2.0.0/16 }\n",
            fmt("region   \"weu\"{location=westeurope address   =   10.2.0.0/16}"));
  EXPECT_EQ("aks { system { vm = x  min = 3 }  pool \"p\" { max = 6 } }\n",
            fmt("aks{system{vm=x min=3}pool\"p\"{max=6}}"));
}

TEST(Format, WritesAnEmptyBlockAsBraces) {
  EXPECT_EQ("a {}\nb {}\nc {}\n", fmt("a {}\nb { }\nc {\n\n}\n"));
}

TEST(Format, AlignsTheEqualsOfConsecutiveAttributes) {
  EXPECT_EQ(
      "t {\n"
      "  environment = \"prod\"\n"
      "  prefix      = \"p\"\n"
      "  geo \"eu\"    = [DE]\n"
      "\n"
      "  mode = active-active\n"
      "  # a comment line ends a run\n"
      "  sku      = premium\n"
      "  endpoint = \"e\" # trailing comments do not\n"
      "  probe { path = \"/\" }\n"
      "  waf = true\n"
      "  region \"a\" {\n"
      "    location = eastus\n"
      "    address  = 10.1.0.0/16\n"
      "  }\n"
      "  countries = [\n"
      "    DE,\n"
      "  ]\n"
      "  x = 1\n"
      "}\n",
      fmt("t {\n environment = \"prod\"\n prefix = \"p\"\n geo \"eu\" = [DE]\n\n mode = "
          "active-active\n"
          " # a comment line ends a run\n sku = premium\n endpoint = \"e\" # trailing comments do "
          "not\n probe { path = \"/\" }\n waf = true\n region \"a\" {\n location = eastus\n"
          " address = 10.1.0.0/16\n }\n countries = [\n DE\n ]\n x = 1\n}\n"));
}

TEST(Format, AlignsByCharactersNotBytes) {
  EXPECT_EQ("t {\n  tag \"é\" = 1\n  tag2    = 2\n}\n", fmt("t {\ntag \"é\" = 1\ntag2 = 2\n}\n"));
}

TEST(Format, WritesListsOnOneLineWithCommas) {
  EXPECT_EQ("zones     = [1, 2, 3]\nlocations = [westeurope, northeurope]\nnone      = []\n",
            fmt("zones = [1 2 3]\nlocations = [ westeurope ,northeurope, ]\nnone = [ ]\n"));
}

TEST(Format, KeepsAListWrittenOverSeveralLinesOneItemALine) {
  EXPECT_EQ(
      "geo \"eu\" = [\n"
      "  DE, # Germany\n"
      "  FR,\n"
      "\n"
      "  # the Benelux\n"
      "  NL,\n"
      "]\n"
      "empty = []\n",
      fmt("geo \"eu\" = [DE # Germany\n   FR\n\n\n# the Benelux\n NL]\nempty = [\n]\n"));
}

TEST(Format, KeepsCommentsInListsOnTheirSideOfTheComma) {
  EXPECT_EQ("l = [a /* x */, /* y */ b /* z */]\n",
            fmt("l = [ a /* x */ , /* y */ b /* z */ , ]\n"));
  EXPECT_EQ("l = [/* first */ a]\n", fmt("l = [ /* first */ a ]\n"));
}

TEST(Format, KeepsEveryKindOfCommentWhereItIs) {
  EXPECT_EQ(
      "# file header\n"
      "// another\n"
      "/* and a block\n"
      "   over lines */\n"
      "topology \"t\" { # after the brace\n"
      "  owner                 = \"o\" // after an attribute\n"
      "  prefix /* before = */ = /* after = */ \"p\"\n"
      "  naming { /* inside */ suffix = auto /* end */ }\n"
      "  tenant \"a\" { residency = us } /* between */\n"
      "  tenant \"b\" { residency = eu }\n"
      "  # before the closing brace\n"
      "}\n"
      "# after everything\n",
      fmt("# file header\n// another\n/* and a block\n   over lines */\ntopology \"t\" { # after "
          "the "
          "brace\n  owner = \"o\" // after an attribute\n  prefix /* before = */ = /* after = */ "
          "\"p\"\n  naming { /* inside */ suffix = auto /* end */ }\n  tenant \"a\" { residency = "
          "us "
          "} /* between */ tenant \"b\" { residency = eu }\n      # before the closing brace\n}\n"
          "# after everything"));
}

TEST(Format, ContinuesAnItemBrokenByACommentOneLevelDeeper) {
  EXPECT_EQ("t {\n  key \"label\" # why\n    # more\n    = 1\n  next = 2\n}\n",
            fmt("t {\nkey \"label\" # why\n# more\n= 1\nnext = 2\n}\n"));
}

TEST(Format, KeepsAtMostOneBlankLineAndNoneAtTheEdges) {
  EXPECT_EQ("# c\n\nt {\n  a = 1\n\n  b = 2\n\n  # c\n}\n",
            fmt("\n\n\n# c\n\n\n\nt {\n\n\n  a = 1\n\n\n\n  b = 2\n\n\n  # c\n\n\n}\n\n\n\n"));
}

TEST(Format, KeepsStringsAndNamesByteForByte) {
  EXPECT_EQ("owner = \"Platform \\\"Core\\\"\\u{2014}\tEMEA\\$\"\nregion weu { x = \"  \" }\n",
            fmt("owner=\"Platform \\\"Core\\\"\\u{2014}\tEMEA\\$\"\nregion weu{x=\"  \"}"));
  EXPECT_EQ("a = -1.50\nb = 99.9%\nc = 10.1.0.0/16\nd = 128GB\ne = cosmos.replication_lag\n",
            fmt("a=-1.50 b=99.9% c=10.1.0.0/16 d=128GB e=cosmos.replication_lag"));
}

TEST(Format, RemovesTrailingWhitespaceAndCarriageReturns) {
  EXPECT_EQ("t {\n  a = 1 # note\n  /* x\n  y */\n}\n",
            fmt("t {   \r\n  a = 1 # note  \r\n  /* x  \r\n  y */ \r\n}  "));
}

TEST(Format, EndsWithOneLineFeed) {
  EXPECT_EQ("a = 1\n", fmt("a = 1"));
  EXPECT_EQ("a = 1\n", fmt("a = 1\n\n\n"));
  EXPECT_EQ("", fmt(""));
  EXPECT_EQ("", fmt(" \n\t\n"));
  EXPECT_EQ("# only a comment\n", fmt("# only a comment"));
}

TEST(Format, KeepsAByteOrderMark) {
  EXPECT_EQ(
      "\xEF\xBB\xBF"
      "a = 1\n",
      fmt("\xEF\xBB\xBF"
          "a=1"));
}

TEST(Format, RefusesTextThatDoesNotParse) {
  EXPECT_FALSE(format_source("topology \"t\" {\n  owner = \"x\n}\n"));
  EXPECT_FALSE(format_source("topology \"t\" {\n"));
  EXPECT_FALSE(format_source("a = 1\rb = 2\n"));
  EXPECT_FALSE(
      format_source(std::string("a\0 \0=\0 \0"
                                "1\0",
                                10)));
  EXPECT_FALSE(format_source("a = \xe9\n"));
}

}  // namespace
}  // namespace topoc::format

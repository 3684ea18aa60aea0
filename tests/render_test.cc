// Renderers on lines that are not plain ASCII: what the text excerpt puts on
// the terminal and where its caret lands, and SARIF's UTF-16 columns.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "compiler/diag/render.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

std::string rendered(std::string text) {
  driver::CheckResult result = check_text(std::move(text));
  return diag::render_text(result.files, result.sink.diagnostics(), {.color = false});
}

TEST(RenderText, InvalidBytesAreShownAsEscapes) {
  EXPECT_EQ(
      "test.topo:2:15: error[P002]: the file is not valid UTF-8 (byte 0xe9 at offset 29)\n"
      " 2 |   owner = \"Jos\\xe9\"\n"
      "   |               ^~~~\n",
      rendered("topology \"t\" {\n  owner = \"Jos\xe9\"\n}\n").substr(0, 133));
}

TEST(RenderText, CaretCountsCharactersNotBytes) {
  // "Zürich São Paulo" is 18 bytes but 16 characters: the caret must still
  // sit under `enviroment`, 30 characters into the line.
  std::string out =
      rendered("topology \"t\" {\n  owner = \"Zürich São Paulo\"  enviroment = \"prod\"\n}\n");
  EXPECT_NE(std::string::npos,
            out.find(" 2 |   owner = \"Zürich São Paulo\"  enviroment = \"prod\"\n"
                     "   | " + std::string(30, ' ') + "^" + std::string(9, '~') + " replace with `environment`\n"))
      << out;
}

TEST(RenderText, WideCharactersTakeTwoCells) {
  // "東京" is 6 bytes, 2 characters, 4 terminal cells.
  std::string out = rendered("topology \"t\" {\n  owner = \"東京\"  enviroment = \"prod\"\n}\n");
  EXPECT_NE(std::string::npos, out.find("   | " + std::string(18, ' ') + "^" + std::string(9, '~'))) << out;
}

TEST(RenderSarif, ColumnsCountUtf16CodeUnits) {
  // "Zürich 😀": 12 bytes, 9 UTF-16 code units (the emoji is a surrogate pair).
  driver::CheckResult result =
      check_text("topology \"t\" {\n  owner = \"Zürich 😀\"  enviroment = \"prod\"\n}\n");
  auto sarif = nlohmann::json::parse(diag::render_sarif(result.files, result.sink.diagnostics(), "test"));
  // results[0] is M005 (no region); results[1] is M001 on `enviroment`.
  ASSERT_EQ("M001", sarif["runs"][0]["results"][1]["ruleId"]);
  const auto& region = sarif["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ("utf16CodeUnits", sarif["runs"][0]["columnKind"]);
  // `  owner = "` (11) + 9 + `"  ` (3): the key starts at unit 24, column 24.
  EXPECT_EQ(2, region["startLine"]);
  EXPECT_EQ(24, region["startColumn"]);
  EXPECT_EQ(34, region["endColumn"]);
}

}  // namespace
}  // namespace topoc::testing

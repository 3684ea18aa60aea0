// The balance checker the emitter fuzzer uses (tests/fuzz/syntax_balance.h):
// it finds each kind of imbalance, accepts what HCL and Bicep allow, and
// accepts every tree topoc emits for the examples.
#include "tests/fuzz/syntax_balance.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "compiler/driver/check.h"
#include "compiler/emit/bicep/emit_bicep.h"
#include "compiler/emit/terraform/emit_terraform.h"

namespace topoc::testing {
namespace {

namespace fs = std::filesystem;

TEST(HclBalance, AcceptsStringsTemplatesHeredocsAndComments) {
  EXPECT_EQ(std::nullopt, hcl_balance_error(R"(resource "a" "b" {
  name  = "x-${var.env}-${join("-", ["a", "}"])}"  # a } in a comment
  tags  = { "k" = "v\"}\\\u00e9\U0001F600" }
  lit   = "$${not} %%{not} %{ if true }y%{ endif }"
  // another { comment
  /* and [ a
     block ( one */
  doc = <<-EOT
    a "quote and { brace
    EOT
  raw = <<EOT
}}}
EOT
})"));
}

TEST(HclBalance, FindsEachImbalance) {
  EXPECT_EQ("1:5: string never closed", hcl_balance_error("a = \"x"));
  EXPECT_EQ("1:7: newline in a string", hcl_balance_error("a = \"x\n\""));
  EXPECT_EQ("1:7: invalid escape `\\q` in a string", hcl_balance_error("a = \"x\\q\""));
  EXPECT_EQ("1:6: `\\u` needs 4 hex digits", hcl_balance_error("a = \"\\u12\""));
  EXPECT_EQ("1:8: `${` never closed", hcl_balance_error("a = \"x-${var.y"));
  EXPECT_EQ("1:1: `{` never closed", hcl_balance_error("{ a = [1] "));
  EXPECT_EQ("1:8: `]` closes `{` opened at 1:1", hcl_balance_error("{ a = 1]"));
  EXPECT_EQ("1:1: `}` closes nothing", hcl_balance_error("} a"));
  EXPECT_EQ("1:5: heredoc `EOT` never closed", hcl_balance_error("a = <<EOT\nx\nEOTX\n"));
  EXPECT_EQ("1:1: comment never closed", hcl_balance_error("/* x"));
}

TEST(BicepBalance, AcceptsStringsInterpolationMultiLineStringsAndComments) {
  EXPECT_EQ(std::nullopt, bicep_balance_error(R"(param a string = 'it\'s \\ \${x} \u{1F600} ${b}'
var c = '${concat('}', '{')}' // a ' quote
/* a ' and { */
var d = '''
two 'lines' with { and ${ not interpolated
'''
output o object = { k: [a, (c)] }
)"));
}

TEST(BicepBalance, FindsEachImbalance) {
  EXPECT_EQ("1:9: string never closed", bicep_balance_error("var a = 'x"));
  EXPECT_EQ("1:11: newline in a string", bicep_balance_error("var a = 'x\n'"));
  EXPECT_EQ("1:10: invalid escape `\\\"` in a string", bicep_balance_error("var a = '\\\"'"));
  EXPECT_EQ("1:10: `\\u{` needs hex digits and `}`", bicep_balance_error("var a = '\\u{zz}'"));
  EXPECT_EQ("1:11: `${` never closed", bicep_balance_error("var a = 'x${b"));
  EXPECT_EQ("1:9: multi-line string never closed", bicep_balance_error("var a = '''x''"));
  EXPECT_EQ("1:11: `)` closes `[` opened at 1:9", bicep_balance_error("var a = [1)"));
  // A `"` or `#` means nothing special in Bicep, a `'` nothing in HCL.
  EXPECT_EQ(std::nullopt, bicep_balance_error("var a = '\"#' // ' \n"));
  EXPECT_EQ(std::nullopt, hcl_balance_error("a = \"'\" # \"\n"));
}

TEST(EmittedTrees, AreBalanced) {
  fs::path examples = fs::path(TOPOC_SOURCE_DIR) / "examples";
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(examples)) {
    if (entry.path().extension() != ".topo") continue;
    driver::CheckResult result = driver::check_files({entry.path().string()});
    ASSERT_TRUE(!result.models.empty() && result.models[0]) << entry.path();
    for (const emit::FileTree& tree :
         {emit::emit_terraform(*result.models[0], {}), emit::emit_bicep(*result.models[0], {})}) {
      for (const emit::EmittedFile& f : tree) {
        fs::path path(f.path);
        std::optional<std::string> error;
        if (path.extension() == ".tf" || path.extension() == ".tfvars") {
          error = hcl_balance_error(f.contents);
        } else if (path.extension() == ".bicep" || path.extension() == ".bicepparam") {
          error = bicep_balance_error(f.contents);
        } else {
          continue;
        }
        ++checked;
        EXPECT_EQ(std::nullopt, error) << entry.path().filename() << ": " << f.path;
      }
    }
  }
  EXPECT_GT(checked, 100);
}

}  // namespace
}  // namespace topoc::testing

// Golden diagnostics: every examples/invalid/<name>.topo starts with
// `# expect: CODE at line N`; the front end must report only CODE, first at
// line N, and its text and SARIF renderings must equal <name>.txt and
// <name>.sarif beside it. With TOPOC_UPDATE_GOLDEN=1 the goldens that differ
// are rewritten instead. Also: every examples/*.topo checks without errors,
// every diagnostic code has an invalid example, and docs/rules.md documents
// every code.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/diag/render.h"
#include "compiler/driver/check.h"
#include "compiler/format/format.h"
#include "dsl/parser.h"

namespace topoc::testing {
namespace golden_test {

namespace fs = std::filesystem;

// The tool version written into golden SARIF. A fixed string, so that a
// release does not rewrite every golden file.
constexpr std::string_view kGoldenToolVersion = "0.0.0-golden";

constexpr const char* kAcceptCommand = "TOPOC_UPDATE_GOLDEN=1 ctest --test-dir build -R Golden";

fs::path source_dir() { return fs::path(TOPOC_SOURCE_DIR); }

std::optional<std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

bool update_mode() {
  const char* value = std::getenv("TOPOC_UPDATE_GOLDEN");
  return value != nullptr && std::string_view(value) == "1";
}

// Stems of the .topo files in a directory of the source tree, sorted.
std::vector<std::string> topo_files_in(std::string_view relative_dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(source_dir() / relative_dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".topo") {
      out.push_back(entry.path().stem().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct Expectation {
  std::string code;
  uint32_t line = 0;
};

// Parses the first line: `# expect: CODE at line N`. The UTF-16 example
// (P004) states it in UTF-16 too: its ASCII is read without BOM and NULs.
std::optional<Expectation> parse_expectation(std::string_view text) {
  std::string ascii;
  if (text.starts_with("\xff\xfe") || text.starts_with("\xfe\xff")) {
    for (char c : text.substr(2)) {
      if (c != '\0') ascii += c;
    }
    text = ascii;
  }
  std::string first(text.substr(0, text.find('\n')));
  static const std::regex kExpect(R"(^# expect: ([A-Z][0-9]{3}) at line ([0-9]+)\s*$)");
  std::smatch m;
  if (!std::regex_match(first, m, kExpect)) return std::nullopt;
  return Expectation{m[1].str(), static_cast<uint32_t>(std::stoul(m[2].str()))};
}

// Runs the front end under the path relative to the source tree, so that
// goldens never hold an absolute path.
// An example of a command-line finding names the environment to check on
// its second line: `# env: NAME` (as `topoc check --env NAME`).
driver::Overrides overrides_of(std::string_view text) {
  static const std::regex kEnv(R"(^[^\n]*\n# env: ([a-z0-9-]+)\n)");
  std::match_results<std::string_view::const_iterator> m;
  if (std::regex_search(text.begin(), text.end(), m, kEnv)) return {m[1].str()};
  return {};
}

driver::CheckResult check_relative(const std::string& relative_path, std::string text) {
  driver::CheckResult result;
  driver::Overrides overrides = overrides_of(text);
  overrides.files_dir = (source_dir() / relative_path).parent_path().string();
  driver::check_source(result, relative_path, std::move(text), overrides);
  result.sink.sort();
  return result;
}

// SARIF as `topoc check --format sarif` renders it from the source tree,
// except that the rules table (the same fifty-odd entries in every file,
// generated from diagnostic_kinds.def and docs/rules.md) is replaced by its
// size, and the absolute root by a placeholder: goldens show the results, a
// new code does not rewrite them all, and no golden holds a machine's path.
std::string golden_sarif(const driver::CheckResult& result, std::string& problem) {
  diag::SarifOptions options;
  options.tool_version = std::string(kGoldenToolVersion);
  options.root = source_dir().string();
  options.base_dir = source_dir().string();
  options.automation_id = "topoc/check/" + result.files[0].path() + "/";
  std::string rendered = diag::render_sarif(result.files, result.sink.diagnostics(), options);
  auto sarif = nlohmann::ordered_json::parse(rendered);
  auto& run = sarif["runs"][0];
  run["originalUriBaseIds"]["%SRCROOT%"]["uri"] = "file:///SOURCE_DIR/";
  auto& rules = run["tool"]["driver"]["rules"];
  for (const auto& r : run["results"]) {
    size_t index = r["ruleIndex"].get<size_t>();
    if (index >= rules.size() || rules[index]["id"] != r["ruleId"]) {
      problem += fmt::format("result {} has ruleIndex {} that does not name its rule\n",
                             r["ruleId"].get<std::string>(), index);
    }
  }
  rules = fmt::format("{} rules from compiler/diag/diagnostic_kinds.def", rules.size());
  return sarif.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A line diff (longest common subsequence) with two lines of context around
// each change, in the spirit of `diff -u`.
std::string line_diff(const std::string& expected, const std::string& actual) {
  std::vector<std::string> a = split_lines(expected), b = split_lines(actual);
  if (a.size() * b.size() > 4'000'000) {
    size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    return fmt::format("(files too large to diff; first difference at line {})\n", i + 1);
  }
  std::vector<std::vector<uint32_t>> lcs(a.size() + 1, std::vector<uint32_t>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;) {
    for (size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  struct Line {
    char tag;
    std::string text;
  };
  std::vector<Line> script;
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      script.push_back({' ', a[i]});
      ++i, ++j;
    } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      script.push_back({'-', a[i++]});
    } else {
      script.push_back({'+', b[j++]});
    }
  }
  constexpr size_t kContext = 2;
  std::string out;
  bool skipped = false;
  for (size_t k = 0; k < script.size(); ++k) {
    bool near_change = false;
    for (size_t d = k >= kContext ? k - kContext : 0; d <= k + kContext && d < script.size(); ++d) {
      near_change |= script[d].tag != ' ';
    }
    if (!near_change) {
      if (!skipped) out += "@@\n";
      skipped = true;
      continue;
    }
    skipped = false;
    out += fmt::format("{}{}\n", script[k].tag, script[k].text);
  }
  return out;
}

// Compares `actual` with the golden at `relative_path`; in update mode
// rewrites a golden that differs. Returns a failure message, or "".
std::string compare_golden(const std::string& relative_path, const std::string& actual) {
  fs::path path = source_dir() / relative_path;
  std::optional<std::string> golden = read_text(path);
  if (golden && *golden == actual) return "";
  if (update_mode()) {
    write_text(path, actual);
    std::cout << "updated golden " << relative_path << "\n";
    return "";
  }
  if (!golden) {
    return fmt::format("golden {} does not exist; to create it run:\n  {}\n", relative_path,
                       kAcceptCommand);
  }
  return fmt::format("{} differs from the golden:\n--- {} (golden)\n+++ {} (now)\n{}to accept the new "
                     "output run:\n  {}\n",
                     relative_path, relative_path, relative_path, line_diff(*golden, actual),
                     kAcceptCommand);
}

std::string test_name_of(const std::string& stem) {
  std::string out;
  for (char c : stem) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

class InvalidExample : public ::testing::TestWithParam<std::string> {};

TEST_P(InvalidExample, MatchesGoldens) {
  const std::string base = "examples/invalid/" + GetParam();
  std::optional<std::string> text = read_text(source_dir() / (base + ".topo"));
  ASSERT_TRUE(text) << "cannot read " << base << ".topo";
  std::optional<Expectation> expect = parse_expectation(*text);
  ASSERT_TRUE(expect) << base << ".topo must start with `# expect: CODE at line N`";

  driver::CheckResult result = check_relative(base + ".topo", *text);
  const auto& diagnostics = result.sink.diagnostics();
  ASSERT_FALSE(diagnostics.empty()) << base << ".topo produced no diagnostic; expected " << expect->code;
  for (const diag::Diagnostic& d : diagnostics) {
    dsl::LineCol lc = result.files[d.location.file].line_col(d.location.span.begin);
    EXPECT_EQ(expect->code, diag::info(d.kind).code)
        << base << ".topo:" << lc.line << ":" << lc.column << ": unexpected diagnostic: " << d.message;
  }
  dsl::LineCol first = result.files[0].line_col(diagnostics.front().location.span.begin);
  EXPECT_EQ(expect->line, first.line) << "first diagnostic of " << base << ".topo: "
                                      << diagnostics.front().message;

  std::string text_rendering = diag::render_text(result.files, diagnostics, {.color = false});
  std::string sarif_problem;
  std::string sarif_rendering = golden_sarif(result, sarif_problem);
  EXPECT_EQ("", sarif_problem);
  std::string text_failure = compare_golden(base + ".txt", text_rendering);
  EXPECT_TRUE(text_failure.empty()) << text_failure;
  std::string sarif_failure = compare_golden(base + ".sarif", sarif_rendering);
  EXPECT_TRUE(sarif_failure.empty()) << sarif_failure;
}

INSTANTIATE_TEST_SUITE_P(Golden, InvalidExample, ::testing::ValuesIn(topo_files_in("examples/invalid")),
                         [](const auto& info) { return test_name_of(info.param); });

class ValidExample : public ::testing::TestWithParam<std::string> {};

TEST_P(ValidExample, ChecksWithoutErrors) {
  const std::string path = "examples/" + GetParam() + ".topo";
  std::optional<std::string> text = read_text(source_dir() / path);
  ASSERT_TRUE(text) << "cannot read " << path;
  driver::CheckResult result = check_relative(path, *text);
  EXPECT_EQ(0u, result.sink.error_count())
      << diag::render_text(result.files, result.sink.diagnostics(), {.color = false});
}

INSTANTIATE_TEST_SUITE_P(Golden, ValidExample, ::testing::ValuesIn(topo_files_in("examples")),
                         [](const auto& info) { return test_name_of(info.param); });

// A golden file without its .topo is left over from a renamed or removed example.
TEST(GoldenFiles, EveryGoldenHasItsExample) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(source_dir() / "examples/invalid", ec)) {
    fs::path p = entry.path();
    if (p.extension() != ".txt" && p.extension() != ".sarif") continue;
    fs::path topo = p;
    topo.replace_extension(".topo");
    EXPECT_TRUE(fs::exists(topo)) << "examples/invalid/" << p.filename().string()
                                  << " has no .topo beside it; delete it";
  }
}

// Codes no single example file can produce. Keep this list short and say why.
// X004 and L002-L004 come from `topoc build` only (L002-L004 against the
// manifest of a previous build): `topoc check` of a file cannot produce
// them. tests/cli_lifecycle_test.cc covers each. X006-X008 come from
// `topoc build --target bicep` only (tests/arm_limits_test.cc).
const std::set<std::string, std::less<>> kCodesWithoutExample = {"X004", "X006", "X007", "X008",
                                                                  "L002", "L003", "L004"};

TEST(GoldenCoverage, EveryDiagnosticCodeHasAnInvalidExample) {
  std::set<std::string, std::less<>> covered;
  for (const std::string& stem : topo_files_in("examples/invalid")) {
    auto text = read_text(source_dir() / "examples/invalid" / (stem + ".topo"));
    if (!text) continue;
    if (auto expect = parse_expectation(*text)) covered.insert(expect->code);
  }
  for (const diag::KindInfo& k : diag::all_kinds()) {
    bool allowed = kCodesWithoutExample.count(k.code) > 0;
    bool has_example = covered.count(k.code) > 0;
    EXPECT_TRUE(has_example || allowed)
        << k.code << " (" << k.summary << ") has no examples/invalid/*.topo with `# expect: " << k.code
        << " at line N`";
    EXPECT_FALSE(has_example && allowed)
        << k.code << " has an example now; remove it from kCodesWithoutExample";
  }
}

TEST(RulesDoc, EveryDiagnosticCodeHasAHeading) {
  std::optional<std::string> doc = read_text(source_dir() / "docs/rules.md");
  ASSERT_TRUE(doc) << "docs/rules.md is missing";
  std::set<std::string, std::less<>> headings;
  for (const std::string& line : split_lines(*doc)) {
    if (line.rfind("## ", 0) == 0) headings.insert(line.substr(3, line.find_first_of(" :", 3) - 3));
  }
  for (const diag::KindInfo& k : diag::all_kinds()) {
    EXPECT_TRUE(headings.count(k.code) > 0) << "docs/rules.md has no `## " << k.code << "` heading";
  }
}

// The table of prefixes at the top of docs/rules.md: each row's ranges
// ("M001-M022, M030-M040") hold every code of that prefix, and start and end
// on codes that exist (the S range spans gaps the registry leaves).
TEST(RulesDoc, PrefixTableCoversEveryCodeOfItsPrefix) {
  std::optional<std::string> doc = read_text(source_dir() / "docs/rules.md");
  ASSERT_TRUE(doc) << "docs/rules.md is missing";
  std::set<std::string> codes;
  for (const diag::KindInfo& k : diag::all_kinds()) codes.insert(std::string(k.code));
  std::map<char, std::vector<std::pair<int, int>>> rows;
  for (const std::string& line : split_lines(*doc)) {
    // "| N | network address spaces and VNet peering | N001-N008 |"
    if (line.size() < 5 || line.rfind("| ", 0) != 0 || line[3] != ' ' || line[4] != '|') continue;
    const char prefix = line[2];
    std::string ranges = line.substr(line.rfind('|', line.size() - 2) + 1);
    for (size_t at = ranges.find(prefix); at != std::string::npos; at = ranges.find(prefix, at)) {
      int first = std::stoi(ranges.substr(at + 1, 3)), last = first;
      at += 4;
      if (at + 5 <= ranges.size() && ranges[at] == '-' && ranges[at + 1] == prefix) {
        last = std::stoi(ranges.substr(at + 2, 3));
        at += 5;
      }
      rows[prefix].push_back({first, last});
      for (int end : {first, last}) {
        std::string code = fmt::format("{}{:03}", prefix, end);
        EXPECT_TRUE(codes.count(code))
            << "docs/rules.md's table of prefixes names " << code << ", which is not a code";
      }
    }
  }
  for (const std::string& code : codes) {
    const int number = std::stoi(code.substr(1));
    const auto& ranges = rows[code[0]];
    bool covered = std::any_of(ranges.begin(), ranges.end(), [&](const std::pair<int, int>& r) {
      return r.first <= number && number <= r.second;
    });
    EXPECT_TRUE(covered) << code << " is in no range of docs/rules.md's table of prefixes";
  }
}

struct CodeBlock {
  std::string info;  // the word after the opening fence
  std::string text;
  size_t line = 0;   // of the opening fence
};

std::vector<CodeBlock> fenced_blocks(const std::string& markdown) {
  std::vector<CodeBlock> out;
  std::optional<CodeBlock> open;
  size_t number = 0;
  for (const std::string& line : split_lines(markdown)) {
    ++number;
    if (line.rfind("```", 0) != 0) {
      if (open) open->text += line + "\n";
      continue;
    }
    if (open) {
      out.push_back(std::move(*open));
      open.reset();
    } else {
      open = CodeBlock{line.substr(3), "", number};
    }
  }
  return out;
}

// Whether the first line that is not blank or a comment opens a topology.
bool is_complete_file(const std::string& text) {
  bool in_block_comment = false;
  for (const std::string& line : split_lines(text)) {
    if (in_block_comment) {
      in_block_comment = line.find("*/") == std::string::npos;
      continue;
    }
    size_t start = line.find_first_not_of(' ');
    if (start == std::string::npos || line[start] == '#' || line.compare(start, 2, "//") == 0) continue;
    if (line.compare(start, 2, "/*") == 0) {
      in_block_comment = line.find("*/", start + 2) == std::string::npos;
      continue;
    }
    return line.compare(start, 10, "topology \"") == 0;
  }
  return false;
}

// The language reference's complete examples check clean; its fragments at
// least parse once wrapped in a topology.
TEST(DslReadme, ExamplesCheck) {
  std::optional<std::string> doc = read_text(source_dir() / "dsl/README.md");
  ASSERT_TRUE(doc) << "dsl/README.md is missing";
  size_t complete = 0;
  for (const CodeBlock& block : fenced_blocks(*doc)) {
    if (block.info != "topo") continue;
    if (is_complete_file(block.text)) {
      ++complete;
      driver::CheckResult result = check_relative("dsl/README.md", block.text);
      EXPECT_EQ(0u, result.sink.diagnostics().size())
          << "the example at dsl/README.md:" << block.line << " does not check clean:\n"
          << diag::render_text(result.files, result.sink.diagnostics(), {.color = false});
      continue;
    }
    driver::CheckResult result = check_relative("fragment.topo", "topology \"fragment\" {\n" + block.text + "}\n");
    for (const diag::Diagnostic& d : result.sink.diagnostics()) {
      EXPECT_NE('P', diag::info(d.kind).code[0])
          << "the fragment at dsl/README.md:" << block.line << " does not parse: " << d.message;
    }
  }
  EXPECT_GE(complete, 3u) << "dsl/README.md should hold complete examples";
}

// The layout section's "after" fragment is what `topoc fmt` makes of the
// "before" fragment above it.
TEST(DslReadme, LayoutExampleIsWhatFmtWrites) {
  std::optional<std::string> doc = read_text(source_dir() / "dsl/README.md");
  ASSERT_TRUE(doc) << "dsl/README.md is missing";
  std::vector<CodeBlock> blocks = fenced_blocks(*doc);
  auto without_first_line = [](const std::string& text) {
    return text.substr(text.find('\n') + 1);
  };
  size_t found = 0;
  for (size_t i = 1; i < blocks.size(); ++i) {
    if (!blocks[i].text.starts_with("# fragment: after `topoc fmt`\n")) continue;
    ++found;
    std::string before = without_first_line(blocks[i - 1].text);
    EXPECT_EQ(without_first_line(blocks[i].text),
              format::format_source(before).value_or("<syntax error>"))
        << "dsl/README.md:" << blocks[i].line;
  }
  EXPECT_EQ(1u, found);
}

// Whether a fenced block is topology source: it opens a topology, or it
// parses as the topology language with none of Terraform's top-level blocks.
bool is_topology_snippet(const std::string& text) {
  for (const std::string& line : split_lines(text)) {
    size_t start = line.find_first_not_of(' ');
    if (start != std::string::npos && line.compare(start, 10, "topology \"") == 0) return true;
  }
  dsl::SourceFile file("snippet.topo", text);
  dsl::ParseResult parsed = dsl::parse(file);
  if (parsed.error || parsed.document.items.empty()) return false;
  static const std::set<std::string, std::less<>> kTerraformBlocks = {
      "terraform", "provider", "resource", "data",    "module", "variable",
      "output",    "locals",   "moved",    "import", "removed", "check"};
  return std::none_of(parsed.document.items.begin(), parsed.document.items.end(),
                      [](const dsl::Node& n) { return kTerraformBlocks.count(n.key) > 0; });
}

// Topology snippets are fenced as `topo`, the language's own name: they are
// not HCL, and an HCL highlighter or `terraform fmt` gets them wrong.
TEST(Docs, NoMarkdownFileFencesATopologyAsHcl) {
  std::vector<std::string> wrong;
  size_t topo_fences = 0;
  fs::recursive_directory_iterator it(source_dir()), end;
  for (; it != end; ++it) {
    std::string name = it->path().filename().string();
    if (it->is_directory() &&
        (name.starts_with(".") || name.starts_with("build") || name == "node_modules")) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->path().extension() != ".md" || !it->is_regular_file()) continue;
    std::optional<std::string> text = read_text(it->path());
    ASSERT_TRUE(text) << it->path();
    std::string relative = fs::relative(it->path(), source_dir()).string();
    for (const CodeBlock& block : fenced_blocks(*text)) {
      topo_fences += block.info == "topo";
      std::string info = block.info;
      std::transform(info.begin(), info.end(), info.begin(),
                     [](unsigned char c) { return std::tolower(c); });
      bool hcl = info == "hcl" || info == "terraform" || info == "tf";
      if (hcl && is_topology_snippet(block.text)) {
        wrong.push_back(fmt::format("{}:{}", relative, block.line));
      }
    }
  }
  EXPECT_EQ(std::vector<std::string>{}, wrong) << "fence these topology snippets as ```topo";
  EXPECT_GT(topo_fences, 50u);
}

}  // namespace golden_test
}  // namespace topoc::testing

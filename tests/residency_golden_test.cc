// `topoc residency` on every example, in Markdown, JSON and HTML, compared
// with tests/golden/residency/<example>.{md,json,html}. Goldens are
// rewritten only with TOPOC_UPDATE_GOLDEN=1; review the diff like code.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "compiler/driver/check.h"
#include "compiler/report/residency_render.h"

// A namespace of its own: in a unity build this file shares a translation
// unit with other golden tests that have helpers of the same names.
namespace topoc::residency_golden {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = TOPOC_SOURCE_DIR;
constexpr std::string_view kGoldenDir = "tests/golden/residency";

std::optional<std::string> read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> example_stems() {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(kSource / "examples")) {
    if (entry.is_regular_file() && entry.path().extension() == ".topo") {
      out.push_back(entry.path().stem().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The first line that differs, enough to find the change; the full diff is
// `git diff` after accepting.
std::string first_difference(const std::string& golden, const std::string& actual) {
  std::istringstream a(golden), b(actual);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool more_a = static_cast<bool>(std::getline(a, la));
    bool more_b = static_cast<bool>(std::getline(b, lb));
    if (!more_a && !more_b) return "";
    if (!more_a || !more_b || la != lb) {
      return fmt::format("line {}:\n- {}\n+ {}\n", line, more_a ? la : "(end)",
                         more_b ? lb : "(end)");
    }
  }
}

void compare(const std::string& relative, const std::string& actual) {
  fs::path path = kSource / relative;
  std::optional<std::string> golden = read(path);
  if (golden && *golden == actual) return;
  const char* update = std::getenv("TOPOC_UPDATE_GOLDEN");
  if (update && std::string_view(update) == "1") {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << actual;
    return;
  }
  ADD_FAILURE() << relative
                << (golden
                        ? " differs from the golden, first at " + first_difference(*golden, actual)
                        : std::string(" does not exist"))
                << "to accept: TOPOC_UPDATE_GOLDEN=1 ctest --test-dir build -R ResidencyGolden";
}

class ResidencyGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(ResidencyGolden, EveryFormatMatchesItsGolden) {
  const std::string path = "examples/" + GetParam() + ".topo";
  std::optional<std::string> text = read(kSource / path);
  ASSERT_TRUE(text) << path;
  // As `topoc residency` reads it: the file's own environment alone.
  driver::CheckResult result;
  driver::Overrides overrides{"", false};
  overrides.files_dir = (kSource / "examples").string();
  driver::check_source(result, path, *text, overrides);
  ASSERT_EQ(0u, result.sink.error_count()) << path;
  ASSERT_TRUE(!result.models.empty() && result.models[0]);
  estate::Estate estate = estate::build_estate(*result.models[0], {});
  report::ResidencyReport r = report::build_residency_report(estate, result.files, path, {});
  const std::string base = fmt::format("{}/{}", kGoldenDir, GetParam());
  compare(base + ".md", report::render_residency_markdown(r));
  compare(base + ".json", report::render_residency_json(r));
  compare(base + ".html", report::render_residency_html(r));
}

INSTANTIATE_TEST_SUITE_P(Examples, ResidencyGolden, ::testing::ValuesIn(example_stems()),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

// A golden without its example is left over from a renamed or removed one.
TEST(ResidencyGoldenFiles, EveryGoldenHasItsExample) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kSource / kGoldenDir, ec)) {
    fs::path example = kSource / "examples" / entry.path().filename();
    example.replace_extension(".topo");
    EXPECT_TRUE(fs::exists(example)) << entry.path().filename() << " has no example; delete it";
  }
}

}  // namespace
}  // namespace topoc::residency_golden

// The generated Terraform checked by the offline validators in
// tests/validate: tfcheck (HCL parse, azurerm 4.x schema, module wiring) and
// fmtcheck (terraform fmt layout), plus `terraform fmt -check` when Terraform
// is installed. Each test skips itself when its tool is missing.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <unistd.h>

#include "compiler/driver/check.h"
#include "compiler/emit/terraform/emit_terraform.h"

namespace topoc {
namespace terraform_validate_test {

namespace fs = std::filesystem;

const fs::path kSource = TOPOC_SOURCE_DIR;
const fs::path kValidate = kSource / "tests/validate";
const fs::path kGolden = kSource / "tests/golden/terraform";

struct ToolRun {
  int status = -1;
  std::string output;
};

ToolRun run(const std::string& command) {
  ToolRun r;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.output.append(buffer.data(), n);
  int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string shell_quote(const fs::path& p) { return "'" + p.string() + "'"; }

bool tfcheck_installed() {
  return fs::exists(kValidate / "node_modules/@cdktf/hcl2json") && run("node --version").status == 0;
}

// hclfmt from $TOPOC_HCLFMT, else where tests/validate/README.md builds it.
std::string hclfmt_path() {
  if (const char* env = std::getenv("TOPOC_HCLFMT")) return env;
  fs::path built = kSource / "build/validate/hclfmt";
  return fs::exists(built) ? built.string() : "";
}

TEST(TerraformValidate, GoldenTreesPassTfcheck) {
  if (!tfcheck_installed()) GTEST_SKIP() << "run: npm ci --ignore-scripts --prefix tests/validate";
  ToolRun r = run("node " + shell_quote(kValidate / "tfcheck.mjs") + " " + shell_quote(kGolden));
  EXPECT_EQ(0, r.status) << r.output;
  EXPECT_EQ("", r.output);
}

TEST(TerraformValidate, GoldenTreesAreFormattedLikeTerraformFmt) {
  std::string hclfmt = hclfmt_path();
  if (hclfmt.empty()) GTEST_SKIP() << "build hclfmt: tests/validate/build-hclfmt.sh build/validate";
  if (!tfcheck_installed()) GTEST_SKIP() << "fmtcheck needs node for its extra rules";
  ToolRun r = run("bash " + shell_quote(kValidate / "fmtcheck.sh") + " " + shell_quote(fs::path(hclfmt)) + " " + shell_quote(kGolden));
  EXPECT_EQ(0, r.status) << r.output;
}

TEST(TerraformValidate, GoldenTreesPassTerraformFmtCheck) {
  if (run("terraform version").status != 0) GTEST_SKIP() << "terraform is not installed";
  ToolRun r = run("terraform fmt -check -recursive " + shell_quote(kGolden));
  EXPECT_EQ(0, r.status) << r.output;
}

// terraform plan on each golden tree, offline: tests/terraform/stub_plan.py
// swaps azurerm for Terraform's built-in terraform_data so the root's
// expressions, for_each keys and module variable types are all evaluated.
TEST(TerraformValidate, GoldenTreesPlanWithStubbedProviders) {
  if (run("terraform version").status != 0) GTEST_SKIP() << "terraform is not installed";
  if (run("python3 --version").status != 0) GTEST_SKIP() << "python3 is not installed";
  fs::path scratch = fs::temp_directory_path() / fmt::format("topoc-stub-plan-{}", ::getpid());
  std::string command = "python3 " + shell_quote(kSource / "tests/terraform/stub_plan.py") + " " +
                        shell_quote(scratch);
  for (const auto& entry : fs::directory_iterator(kGolden)) command += " " + shell_quote(entry.path());
  ToolRun r = run(command);
  fs::remove_all(scratch);
  EXPECT_EQ(0, r.status) << r.output;
}

// User text in every free-text place of a topology: it must come out as
// data, never as HCL.
constexpr const char* kHostile = R"(topology "hostile" {
  prefix = "hx"
  owner  = "o\"w\\n${var.x}%{ if true }"
  tags {
    Team  = "x\"}\nresource \"null_resource\" \"pwn\" {}\n${file(\"/etc/passwd\")}"
    Notes = "100% ${a} $${b} \t \r \u{1F600} \\"
  }
  boundary "eu" { geography = eu-data-boundary }
  region "eu" {
    location = westeurope
    failover = northeurope
    address  = 10.2.0.0/16
    services = [aks, storage, keyvault, monitoring]
  }
  tenant "t" { residency = eu }
  cosmos {
    database = "db ${x}"
    container "items \"${x}\"" {
      partition = "/tenantId"
      conflict  = last-writer-wins
    }
  }
  alerts { email = "ops+${x}@example.com" }
  dns "example.com" {
    record "_v" { txt = ["v\"}\n${file(\"/etc/passwd\")}%{ if true }"] }
  }
}
)";

TEST(TerraformEscaping, HostileStringsStayData) {
  driver::CheckResult result;
  driver::check_source(result, "hostile.topo", kHostile);
  ASSERT_EQ(0u, result.sink.error_count());
  ASSERT_TRUE(result.models[0]);
  emit::FileTree files = emit::emit_terraform(*result.models[0], {});
  const emit::EmittedFile* main = nullptr;
  for (const emit::EmittedFile& f : files) {
    if (f.path == "environments/prod/main.tf") main = &f;
  }
  ASSERT_NE(nullptr, main);
  const std::string& text = main->contents;
  EXPECT_NE(std::string::npos, text.find(R"(owner       = "o\"w\\n$${var.x}%%{ if true }")")) << text;
  EXPECT_NE(std::string::npos,
            text.find(R"(Team        = "x\"}\nresource \"null_resource\" \"pwn\" {}\n$${file(\"/etc/passwd\")}")"))
      << text;
  EXPECT_NE(std::string::npos, text.find(R"(Notes       = "100% $${a} $$${b} \t \r 😀 \\")")) << text;
  EXPECT_NE(std::string::npos, text.find(R"("items \"$${x}\"" = {)")) << text;
  EXPECT_NE(std::string::npos, text.find(R"(database_name = "db $${x}")")) << text;
  EXPECT_NE(std::string::npos, text.find(R"(email      = "ops+$${x}@example.com")")) << text;
  EXPECT_NE(std::string::npos,
            text.find(R"(values = ["v\"}\n$${file(\"/etc/passwd\")}%%{ if true }"])"))
      << text;
  EXPECT_EQ(std::string::npos, text.find("resource \"null_resource\"")) << text;

  if (!tfcheck_installed()) GTEST_SKIP() << "tfcheck not installed; escaped forms checked only";
  fs::path dir = fs::temp_directory_path() / fmt::format("topoc-hostile-{}", ::getpid());
  fs::remove_all(dir);
  for (const emit::EmittedFile& f : files) {
    fs::create_directories((dir / f.path).parent_path());
    std::ofstream(dir / f.path, std::ios::binary) << f.contents;
  }
  ToolRun r = run("node " + shell_quote(kValidate / "tfcheck.mjs") + " " + shell_quote(dir));
  fs::remove_all(dir);
  EXPECT_EQ(0, r.status) << r.output;
}

}  // namespace terraform_validate_test
}  // namespace topoc

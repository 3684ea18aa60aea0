// Inputs drift must refuse with one clear line naming the file and where the
// problem is, never a crash: truncated JSON, another format version, another
// provider, text that is not JSON, text that is not UTF-8, an empty file, and
// large files, which are generated here and never committed.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "compiler/drift/drift_test_support.h"
#include "compiler/drift/json_stream.h"

namespace topoc::drift {
namespace {

namespace fs = std::filesystem;

class DriftBadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "topoc-drift-XXXXXX").string();
    ASSERT_NE(nullptr, ::mkdtemp(pattern.data()));
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  std::string write(const std::string& name, std::string_view bytes) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  // The error reading `path`, or "" when it was read.
  std::string error_of(const std::string& path, StateFormat format = StateFormat::kAuto) {
    DeployedState state;
    auto error = read_state_file(path, format, state);
    return error ? to_string(*error) : "";
  }

  fs::path dir_;
};

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

TEST_F(DriftBadInput, TruncatedJson) {
  std::string whole =
      testing::read_text(testing::source_dir() / "tests/drift/fixtures/formats/show.json");
  std::string path = write("truncated.json", whole.substr(0, 1000));
  EXPECT_EQ(
      fmt::format("`{}` at byte 1000 (line 30, column 7): the JSON ends before its last value "
                  "is complete; is the file truncated?",
                  path),
      error_of(path));
}

TEST_F(DriftBadInput, AnotherShowFormatVersion) {
  std::string path =
      write("v2.json", R"({"format_version": "2.0", "values": {"root_module": {}}})");
  EXPECT_EQ(fmt::format("`{}` at `/format_version`: format version `2.0` is not supported; topoc "
                        "reads the 1.x JSON output of `terraform show -json`",
                        path),
            error_of(path));
}

TEST_F(DriftBadInput, AnotherStateVersion) {
  std::string path = write("v3.tfstate", R"({"version": 3, "serial": 9, "modules": []})");
  EXPECT_EQ(fmt::format("`{}` at `/version`: state version `3` is not supported; topoc reads "
                        "version 4, written by Terraform 0.12 and later",
                        path),
            error_of(path));
}

TEST_F(DriftBadInput, AnotherProvider) {
  std::string path =
      write("aws.tfstate", R"({"version": 4, "serial": 1, "lineage": "l", "resources": [
    {"mode": "managed", "type": "aws_s3_bucket", "name": "logs",
     "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
     "instances": [{"attributes": {"id": "logs", "region": "eu-west-1"}}]}]})");
  EXPECT_EQ(
      fmt::format("`{}`: holds no azurerm resources: they come from "
                  "`provider[\"registry.terraform.io/hashicorp/aws\"]`; `topoc drift` compares "
                  "azurerm estates",
                  path),
      error_of(path));
}

TEST_F(DriftBadInput, NotJson) {
  std::string path = write("main.tf", "terraform {\n  backend \"azurerm\" {}\n}\n");
  EXPECT_EQ(
      fmt::format("`{}` at byte 0 (line 1, column 1): is not JSON (it starts with `terraform`); "
                  "expected a Terraform state, plan or Resource Graph export",
                  path),
      error_of(path));
}

TEST_F(DriftBadInput, InvalidJsonInside) {
  std::string path = write("comma.json", "{\"version\": 4,\n \"lineage\": \"a\",}");
  EXPECT_EQ(fmt::format("`{}` at byte 31 (line 2, column 17): is not valid JSON: unexpected `}}`; "
                        "expected a string (an object key)",
                        path),
            error_of(path));
}

TEST_F(DriftBadInput, NotUtf8) {
  // "Zürich" in Latin-1, as a Windows tool might have written it.
  std::string path =
      write("latin1.json",
            "{\"format_version\": \"1.0\", \"values\": {\"root_module\": {\"resources\": "
            "[\n{\"address\": \"azurerm_resource_group.z\", \"values\": {\"name\": "
            "\"Z\xFCrich\"}}]}}}");
  EXPECT_EQ(
      fmt::format("`{}` at byte 129 (line 2, column 62): is not valid UTF-8: byte 0xFC; state "
                  "files and exports are UTF-8 JSON",
                  path),
      error_of(path));
}

TEST_F(DriftBadInput, Utf16) {
  std::string path = write("utf16.json", std::string("\xFF\xFE[\0]\0", 6));
  EXPECT_EQ(fmt::format("`{}`: is UTF-16 text (as Windows PowerShell's `>` writes it), not UTF-8; "
                        "convert it, e.g. with `iconv -f UTF-16 -t UTF-8`",
                        path),
            error_of(path));
}

TEST_F(DriftBadInput, EmptyFile) {
  std::string path = write("empty.json", "");
  EXPECT_EQ(fmt::format("`{}`: is empty; expected a Terraform state, plan or Resource Graph export",
                        path),
            error_of(path));
}

TEST_F(DriftBadInput, WhiteSpaceOnly) {
  std::string path = write("blank.json", " \n\t\n");
  EXPECT_EQ(
      fmt::format("`{}`: holds only white space; expected a Terraform state, plan or Resource "
                  "Graph export",
                  path),
      error_of(path));
}

TEST_F(DriftBadInput, NestedTooDeep) {
  std::string path = write("deep.json", std::string(100000, '[') + std::string(100000, ']'));
  EXPECT_EQ(
      fmt::format("`{}` at byte 128 (line 1, column 129): JSON nested more than 128 levels deep",
                  path),
      error_of(path));
}

TEST_F(DriftBadInput, MissingFileAndDirectory) {
  std::string missing = (dir_ / "absent.json").string();
  EXPECT_EQ(fmt::format("`{}`: cannot be read: No such file or directory", missing),
            error_of(missing));
  EXPECT_EQ(fmt::format("`{}`: is a directory, not a state file", dir_.string()),
            error_of(dir_.string()));
}

// Sparse: a valid start, then 500 MB of NUL bytes that take no disk space.
// Read in chunks, it fails at the first NUL without memory growing.
TEST_F(DriftBadInput, HalfGigabyteSparseFile) {
  std::string prefix = R"({"format_version":"1.0","values":{"root_module":{"resources":[)";
  std::string path = write("sparse.json", prefix);
  fs::resize_file(path, uint64_t{500} << 20);
  long before = peak_rss_kib();
  EXPECT_EQ(
      fmt::format("`{}` at byte {} (line 1, column {}): holds a NUL byte, which JSON text never "
                  "does; is it a binary file, or one cut short by a full disk?",
                  path, prefix.size(), prefix.size() + 1),
      error_of(path));
  EXPECT_LT(peak_rss_kib() - before, 64 * 1024);
}

// Above kMaxStateBytes a file is refused before it is opened.
TEST_F(DriftBadInput, AboveTheSizeLimit) {
  std::string path = write("huge.json", "[");
  fs::resize_file(path, kMaxStateBytes + (uint64_t{76} << 20));
  EXPECT_EQ(fmt::format("`{}`: is 1100 MiB, more than the 1024 MiB that `topoc drift` reads; split "
                        "the export or filter it to the topology's resource groups",
                        path),
            error_of(path));
}

// 128 MB of valid `terraform show -json` streamed through a FIFO (no disk,
// no size known up front): read to the end with memory growing by far less
// than the input's size. The benchmark measures the same for a real state.
TEST_F(DriftBadInput, LargeStateStreamedThroughAPipe) {
  std::string path = (dir_ / "state.fifo").string();
  ASSERT_EQ(0, ::mkfifo(path.c_str(), 0600));
  constexpr size_t kResources = 2000;
  const std::string filler(64 * 1024, 'k');  // an attribute drift does not keep
  std::thread writer([&] {
    std::FILE* out = std::fopen(path.c_str(), "wb");
    if (out == nullptr) return;
    std::fputs(R"({"format_version":"1.0","values":{"root_module":{"resources":[)", out);
    for (size_t i = 0; i < kResources; ++i) {
      std::fprintf(
          out,
          R"(%s{"address":"azurerm_resource_group.g[%zu]","mode":"managed","type":)"
          R"("azurerm_resource_group","provider_name":"registry.terraform.io/hashicorp/)"
          R"(azurerm","values":{"name":"rg-%zu","location":"westeurope","kube_config_raw":")"
          R"(%s"}})",
          i == 0 ? "" : ",", i, i, filler.c_str());
    }
    std::fputs("]}}}", out);
    std::fclose(out);
  });
  [[maybe_unused]] long before = peak_rss_kib();
  DeployedState state;
  auto error = read_state_file(path, StateFormat::kAuto, state);
  writer.join();
  ASSERT_FALSE(error.has_value()) << to_string(*error);
  EXPECT_EQ(kResources, state.resources.size());
  EXPECT_EQ("rg-1999", state.resources.back().name);
#if !defined(TOPOC_SANITIZED)
  // AddressSanitizer keeps freed memory in quarantine (256 MB by default), so
  // only the plain build can show that the 128 MB stream was never held.
  EXPECT_LT(peak_rss_kib() - before, 32 * 1024);
#endif
}

// A pipe has no size to check up front: it is cut off once it passes the
// limit, rather than read for ever.
TEST_F(DriftBadInput, EndlessPipeStopsAtTheLimit) {
  std::string path = (dir_ / "endless.fifo").string();
  ASSERT_EQ(0, ::mkfifo(path.c_str(), 0600));
  auto previous = std::signal(SIGPIPE, SIG_IGN);
  std::thread writer([&] {
    std::FILE* out = std::fopen(path.c_str(), "wb");
    if (out == nullptr) return;
    std::fputs("[", out);
    const std::string item = R"({"id": "x", "type": "y"},)";
    // 3 MiB, then the reader has stopped: writing fails with EPIPE, which
    // ends the loop (SIGPIPE is ignored for the test).
    for (size_t written = 0; written < (3u << 20); written += item.size()) {
      if (std::fputs(item.c_str(), out) < 0) break;
    }
    std::fclose(out);
  });
  struct NoRouter : JsonRouter {
    Route route(const JsonPath&) override { return Route::kSkip; }
    bool take(const JsonPath&, nlohmann::json) override { return true; }
  } router;
  StreamResult result = stream_json_file(path, router, 1u << 20);
  writer.join();
  std::signal(SIGPIPE, previous);
  ASSERT_TRUE(result.error.has_value());
  EXPECT_EQ(fmt::format("`{}`: goes on past 1 MiB, the most that `topoc drift` reads; split the "
                        "export or filter it to the topology's resource groups",
                        path),
            to_string(*result.error));
}

// Writes `prefix`, `filler` repeated until `bytes` are written (or the reader
// has gone: EPIPE, with SIGPIPE ignored), then `suffix` into a FIFO.
class FifoWriter {
 public:
  FifoWriter(std::string path, std::string prefix, char filler, uint64_t bytes, std::string suffix)
      : previous_(std::signal(SIGPIPE, SIG_IGN)) {
    thread_ = std::thread([=] {
      std::FILE* out = std::fopen(path.c_str(), "wb");
      if (out == nullptr) return;
      std::fputs(prefix.c_str(), out);
      const std::string block(64 * 1024, filler);
      for (uint64_t written = 0; written < bytes; written += block.size()) {
        if (std::fwrite(block.data(), 1, block.size(), out) != block.size()) break;
      }
      std::fputs(suffix.c_str(), out);
      std::fclose(out);
    });
  }
  ~FifoWriter() {
    thread_.join();
    std::signal(SIGPIPE, previous_);
  }

 private:
  void (*previous_)(int);
  std::thread thread_;
};

// 128 MiB of white space cost no memory: nothing of it is kept.
TEST_F(DriftBadInput, WhiteSpaceThroughAPipeIsNotKept) {
  std::string path = (dir_ / "blank.fifo").string();
  ASSERT_EQ(0, ::mkfifo(path.c_str(), 0600));
  long before = peak_rss_kib();
  std::string error;
  {
    FifoWriter writer(path, "", ' ', uint64_t{128} << 20, "\n");
    error = error_of(path);
  }
  EXPECT_EQ(fmt::format("`{}`: holds only white space; expected a Terraform state, plan or "
                        "Resource Graph export",
                        path),
            error);
  EXPECT_LT(peak_rss_kib() - before, 16 * 1024);
}

// White space between values, the shape of a pretty-printed state, is
// skipped the same way.
TEST_F(DriftBadInput, WhiteSpaceInsideAStateIsNotKept) {
  std::string path = (dir_ / "padded.fifo").string();
  ASSERT_EQ(0, ::mkfifo(path.c_str(), 0600));
  long before = peak_rss_kib();
  DeployedState state;
  std::optional<ReadError> error;
  {
    FifoWriter writer(path, R"({"format_version": "1.0", "values":)", '\n', uint64_t{96} << 20,
                      R"({"root_module": {}}})");
    error = read_state_file(path, StateFormat::kAuto, state);
  }
  EXPECT_FALSE(error.has_value()) << to_string(*error);
  EXPECT_LT(peak_rss_kib() - before, 16 * 1024);
}

// `--state <(yes ' ')`: endless white space ends at the size limit, with
// memory flat all the way.
TEST_F(DriftBadInput, EndlessWhiteSpaceStopsAtTheLimit) {
  std::string path = (dir_ / "yes.fifo").string();
  ASSERT_EQ(0, ::mkfifo(path.c_str(), 0600));
  struct NoRouter : JsonRouter {
    Route route(const JsonPath&) override { return Route::kSkip; }
    bool take(const JsonPath&, nlohmann::json) override { return true; }
  } router;
  long before = peak_rss_kib();
  StreamResult result;
  {
    FifoWriter writer(path, "", ' ', UINT64_MAX, "");
    result = stream_json_file(path, router, uint64_t{96} << 20);
  }
  ASSERT_TRUE(result.error.has_value());
  EXPECT_EQ(fmt::format("`{}`: goes on past 96 MiB, the most that `topoc drift` reads; split the "
                        "export or filter it to the topology's resource groups",
                        path),
            to_string(*result.error));
  EXPECT_LT(peak_rss_kib() - before, 16 * 1024);
}

// One string of 40 MiB where drift keeps values: refused once it passes
// kMaxTokenBytes, having held no more than that.
TEST_F(DriftBadInput, HugeKeptStringIsRefusedAtTheTokenCap) {
  std::string path = (dir_ / "string.fifo").string();
  ASSERT_EQ(0, ::mkfifo(path.c_str(), 0600));
  std::string prefix = R"({"format_version": "1.0", "values": ")";
  [[maybe_unused]] long before = peak_rss_kib();
  std::string error;
  {
    FifoWriter writer(path, prefix, 'x', uint64_t{40} << 20, "\"}");
    error = error_of(path);
  }
  EXPECT_EQ(fmt::format("`{}` at byte {}: a string longer than 16 MiB, the most `topoc drift` "
                        "reads as one JSON string or number",
                        path, prefix.size() - 1),
            error);
#if !defined(TOPOC_SANITIZED)
  EXPECT_LT(peak_rss_kib() - before, 48 * 1024);
#endif
}

// The cap holds for values drift skips, too, and for numbers.
TEST_F(DriftBadInput, HugeSkippedStringAndNumberAreRefused) {
  std::string big(uint64_t{17} << 20, '7');
  std::string number = write("number.json", "{\"serial\": " + big + "}");
  EXPECT_EQ(fmt::format("`{}` at byte 11: a number longer than 16 MiB, the most `topoc drift` "
                        "reads as one JSON string or number",
                        number),
            error_of(number));
  std::string string = write("string.json", "{\"lineage\": \"" + big + "\"}");
  EXPECT_EQ(fmt::format("`{}` at byte 12: a string longer than 16 MiB, the most `topoc drift` "
                        "reads as one JSON string or number",
                        string),
            error_of(string));
}

// Strings are checked whether kept or skipped: escapes, control characters
// and surrogate pairs.
TEST_F(DriftBadInput, MalformedStrings) {
  std::string escape = write("escape.json", R"({"lineage": "a\qb"})");
  EXPECT_EQ(fmt::format("`{}` at byte 14 (line 1, column 15): is not valid JSON: `\\q` is not a "
                        "JSON escape",
                        escape),
            error_of(escape));
  std::string tab = write("tab.json", "{\"lineage\": \"a\tb\"}");
  EXPECT_EQ(fmt::format("`{}` at byte 14 (line 1, column 15): is not valid JSON: control "
                        "character U+0009 inside a string; JSON writes it escaped",
                        tab),
            error_of(tab));
  std::string lone = write("lone.json", R"({"version": 4, "resources": [], "x": "\uD83D!"})");
  EXPECT_EQ(fmt::format("`{}` at byte 38 (line 1, column 39): is not valid JSON: `\\uD83D` is "
                        "half of a UTF-16 surrogate pair, without its second half",
                        lone),
            error_of(lone));
  std::string hex = write("hex.json", R"({"version": 4, "x": "\u12G4"})");
  EXPECT_EQ(fmt::format("`{}` at byte 21 (line 1, column 22): is not valid JSON: a `\\u` escape "
                        "needs four hexadecimal digits",
                        hex),
            error_of(hex));
}

TEST_F(DriftBadInput, TextAfterTheDocument) {
  std::string path = write("two.json", "{\"version\": 4, \"resources\": []}\n{}");
  EXPECT_EQ(fmt::format("`{}` at byte 32 (line 2, column 1): is not valid JSON: unexpected `{{`; "
                        "expected the end of the input after the JSON value",
                        path),
            error_of(path));
}

// Lines are counted across the 1 MiB chunks the input is read in.
TEST_F(DriftBadInput, LineNumbersPastTheFirstChunks) {
  std::string head = "{\"version\": 4,\r\n" + std::string((3u << 20) + 5, '\n');
  std::string path = write("lines.json", head + "  \"x\": }");
  EXPECT_EQ(fmt::format("`{}` at byte {} (line {}, column 8): is not valid JSON: unexpected `}}`; "
                        "expected a JSON value",
                        path, head.size() + 7, (3u << 20) + 7),
            error_of(path));
}

// A UTF-8 byte order mark (PowerShell's `Out-File -Encoding utf8`) is read
// past, not taken for text that is not JSON.
TEST_F(DriftBadInput, Utf8ByteOrderMarkIsReadPast) {
  std::string path = write("bom.json", "\xEF\xBB\xBF{\"format_version\": \"1.0\"}");
  EXPECT_EQ("", error_of(path));
  std::string blank = write("bom-blank.json", "\xEF\xBB\xBF \n");
  EXPECT_EQ(fmt::format("`{}`: holds only white space; expected a Terraform state, plan or "
                        "Resource Graph export",
                        blank),
            error_of(blank));
}

}  // namespace
}  // namespace topoc::drift

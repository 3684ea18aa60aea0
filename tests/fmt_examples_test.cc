// `topoc fmt` on real topologies: every example, invalid example and fmt
// fuzz seed keeps its meaning and formats to a fixed point; the examples are
// in the canonical layout; and examples laid out at random (whitespace,
// comments, commas) format to text with the example's meaning.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "compiler/format/format.h"
#include "dsl/parser.h"
#include "tests/fuzz/same_meaning.h"

namespace topoc::testing {
namespace fmt_examples_test {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> topologies(const std::string& relative_dir) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(fs::path(TOPOC_SOURCE_DIR) / relative_dir)) {
    if (entry.path().extension() == ".topo") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool parses(const std::string& text) {
  std::string_view body = text;
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  return !dsl::parse(dsl::SourceFile("t.topo", std::string(body))).error;
}

void expect_fixed_point_with_same_meaning(const fs::path& path) {
  std::string text = read(path);
  std::optional<std::string> once = format::format_source(text);
  if (!parses(text)) {
    EXPECT_FALSE(once) << path;
    return;
  }
  ASSERT_TRUE(once) << path;
  EXPECT_EQ(*once, format::format_source(*once).value_or("<syntax error>")) << path;
  EXPECT_EQ(meaning_of(text), meaning_of(*once)) << path;
}

TEST(FmtExamples, EveryExampleKeepsItsMeaningAndIsAFixedPoint) {
  size_t count = 0;
  for (const char* dir : {"examples", "examples/invalid", "tests/fuzz/fmt-seeds"}) {
    for (const fs::path& path : topologies(dir)) {
      expect_fixed_point_with_same_meaning(path);
      ++count;
    }
  }
  EXPECT_GT(count, 70u);
}

TEST(FmtExamples, ExamplesAreInTheCanonicalLayout) {
  for (const fs::path& path : topologies("examples")) {
    std::string text = read(path);
    EXPECT_EQ(text, format::format_source(text).value_or("<syntax error>"))
        << path << " is not in the canonical layout; run: topoc fmt " << path.string();
  }
}

// Writes a parsed document back with random layout between its tokens.
class RandomLayout {
 public:
  RandomLayout(std::string_view text, unsigned seed) : text_(text), random_(seed) {}

  std::string write(const dsl::Document& document) {
    out_ += separator();
    for (const dsl::Node& node : document.items) {
      write(node);
      out_ += separator();
    }
    return out_;
  }

 private:
  std::string_view raw(dsl::Span span) { return text_.substr(span.begin, span.end - span.begin); }
  const char* pick(std::initializer_list<const char*> choices) {
    return choices.begin()[random_() % choices.size()];
  }
  std::string separator() {
    return pick({" ", "  ", "\n", "\t", "\n\n\n    ", " /* c */ ", " # c \n", "// c\n", "\r\n",
                 "\n/* two\n lines */\n"});
  }
  // Labels sit on the line of their name (dsl/README.md, "Blocks").
  std::string same_line_separator() { return pick({" ", "  ", "\t", " /* c */ "}); }
  void write(const dsl::Node& node) {
    out_ += raw(node.key_span);
    for (const dsl::Label& label : node.labels) {
      out_ += same_line_separator() + std::string(raw(label.span));
    }
    out_ += separator();
    if (!node.is_block) {
      out_ += "=" + separator();
      write(node.value);
      return;
    }
    out_ += "{";
    for (const dsl::Node& item : node.body) {
      out_ += separator();
      write(item);
    }
    out_ += separator() + "}";
  }
  void write(const dsl::Value& value) {
    if (value.kind != dsl::ValueKind::kList) {
      out_ += raw(value.span);
      return;
    }
    out_ += pick({"[", "[ ", "[\n"});
    for (const dsl::Value& item : value.items) {
      out_ += raw(item.span);
      out_ += pick({",", " ", " , ", ",\n", "\n", " /* c */ ,", ", # c\n"});
    }
    out_ += "]";
  }

  std::string_view text_;
  std::mt19937 random_;
  std::string out_;
};

TEST(FmtExamples, ExamplesLaidOutAtRandomFormatToTheSameMeaning) {
  for (const fs::path& path : topologies("examples")) {
    std::string text = read(path);
    std::string meaning = meaning_of(text);
    dsl::SourceFile file(path.string(), text);
    dsl::ParseResult parsed = dsl::parse(file);
    ASSERT_FALSE(parsed.error) << path;
    for (unsigned seed = 1; seed <= 8; ++seed) {
      std::string relaid = RandomLayout(text, seed).write(parsed.document);
      ASSERT_EQ(meaning, meaning_of(relaid)) << "the random layout itself is wrong:\n" << relaid;
      std::optional<std::string> formatted = format::format_source(relaid);
      ASSERT_TRUE(formatted) << relaid;
      EXPECT_EQ(meaning, meaning_of(*formatted)) << path << " seed " << seed << ":\n" << *formatted;
      EXPECT_EQ(*formatted, format::format_source(*formatted).value_or("<syntax error>"))
          << path << " seed " << seed << ":\n"
          << relaid;
    }
  }
}

}  // namespace fmt_examples_test
}  // namespace topoc::testing

#include <gtest/gtest.h>

#include <sstream>

#include "compiler/lsp/schema.h"
#include "compiler/lsp/server.h"
#include "compiler/lsp/text_position.h"
#include "compiler/lsp/transport.h"

namespace topoc::lsp {
namespace {

TEST(LspPositions, CountUtf16CodeUnits) {
  // "ü" is 2 bytes and 1 code unit; "😀" 4 bytes and 2 code units.
  std::string text = "a\n/* ü😀 */ x\r\ny\rz";
  LineIndex lines(text);
  uint32_t x = static_cast<uint32_t>(text.find('x'));
  EXPECT_EQ(lines.position(x).line, 1u);
  EXPECT_EQ(lines.position(x).character, 10u);  // "/* " 3, ü 1, 😀 2, " */ " 4
  EXPECT_EQ(lines.offset({1, 10}), x);
  // Inside the surrogate pair: the start of the emoji.
  EXPECT_EQ(lines.offset({1, 4}), text.find("😀"));
  EXPECT_EQ(lines.offset({1, 5}), text.find("😀"));
  EXPECT_EQ(lines.offset({1, 6}), text.find("😀") + 4);
  // Past the end of a line: its end, before CR LF.
  EXPECT_EQ(lines.offset({1, 99}), x + 1);
  EXPECT_EQ(lines.position(static_cast<uint32_t>(text.find('y'))).line, 2u);
  EXPECT_EQ(lines.position(static_cast<uint32_t>(text.find('z'))).line,
            3u);  // a lone CR ends a line
  EXPECT_EQ(lines.offset({9, 0}), text.size());
}

std::string framed(std::string_view body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

TEST(LspTransport, ReadsFramesAndRefusesBadOnes) {
  std::istringstream in(framed("{}") + "Content-Type: x\r\n\r\n" + "Content-Length: 12x\r\n\r\n" +
                        framed("[1]") + "Content-Length: 9\r\n\r\nshort");
  EXPECT_EQ(read_frame(in).body, "{}");
  EXPECT_EQ(read_frame(in).status, Frame::Status::kBadHeader);  // no Content-Length
  EXPECT_EQ(read_frame(in).status, Frame::Status::kBadHeader);  // not a number
  Frame f = read_frame(in);
  EXPECT_EQ(f.status, Frame::Status::kMessage);
  EXPECT_EQ(f.body, "[1]");
  EXPECT_EQ(read_frame(in).status, Frame::Status::kTruncated);
}

TEST(LspTransport, SkipsAMessageAboveTheLimit) {
  std::string big(kMaxMessageBytes + 1, ' ');
  std::istringstream in(framed(big) + framed("{}"));
  Frame f = read_frame(in);
  EXPECT_EQ(f.status, Frame::Status::kTooLarge);
  EXPECT_TRUE(f.body.empty());
  EXPECT_EQ(read_frame(in).body, "{}");
}

int error_code(const nlohmann::json& response) {
  return response["error"]["code"].get<int>();
}

TEST(LspServer, AnswersEveryMessageWithoutCrashing) {
  Server s("test");
  auto out = s.handle(R"({"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}})");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(error_code(out[0]), kServerNotInitialized);
  EXPECT_EQ(s.handle(R"({"jsonrpc":"2.0","id":2,"method":"initialize","params":{}})")[0]["id"], 2);
  EXPECT_EQ(error_code(s.handle("{not json")[0]), kParseError);
  EXPECT_EQ(error_code(s.handle("[1,2]")[0]), kInvalidRequest);
  EXPECT_EQ(error_code(s.handle(R"({"id":{},"method":"x"})")[0]), kInvalidRequest);
  // JSON-RPC answers an invalid request even without an id, with id null.
  auto invalid = s.handle("{}");
  ASSERT_EQ(invalid.size(), 1u);
  EXPECT_EQ(invalid[0]["id"], nullptr);
  EXPECT_EQ(error_code(invalid[0]), kInvalidRequest);
  EXPECT_EQ(error_code(s.handle(R"({"method":1})")[0]), kInvalidRequest);
  EXPECT_TRUE(s.handle(R"({"id":9,"result":null})").empty());  // a response: nothing to answer
  EXPECT_EQ(error_code(s.handle(R"({"id":3,"method":"workspace/symbol"})")[0]), kMethodNotFound);
  EXPECT_TRUE(s.handle(R"({"method":"$/cancelRequest","params":{"id":3}})").empty());
  EXPECT_TRUE(s.handle(R"({"method":"workspace/didChangeConfiguration"})").empty());
  EXPECT_EQ(
      error_code(s.handle(R"({"id":4,"method":"textDocument/hover","params":{"position":1}})")[0]),
      kInvalidParams);
  EXPECT_EQ(
      error_code(s.handle(
          R"({"id":5,"method":"textDocument/hover","params":{"textDocument":{"uri":"a"},"position":{"line":0,"character":0}}})")
                     [0]),
      kInvalidParams);
  // A change to a document that is not open is refused; one that is open is applied.
  auto opened = s.handle(
      R"({"method":"textDocument/didOpen","params":{"textDocument":{"uri":"a","version":1,"text":"topology \"t\" {}"}}})");
  ASSERT_EQ(opened.size(), 1u);
  EXPECT_EQ(opened[0]["params"]["diagnostics"][0]["code"], "M005");  // no region
  auto changed = s.handle(
      R"({"method":"textDocument/didChange","params":{"textDocument":{"uri":"a","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":99},"end":{"line":0,"character":0}},"text":""}]}})");
  EXPECT_TRUE(changed.empty());  // a range that ends before it starts: refused, nothing published
  EXPECT_FALSE(s.exited());
  EXPECT_EQ(s.handle(R"({"id":6,"method":"shutdown"})")[0]["result"], nullptr);
  EXPECT_EQ(error_code(s.handle(R"({"id":7,"method":"textDocument/hover"})")[0]), kInvalidRequest);
  s.handle(R"({"method":"exit"})");
  EXPECT_TRUE(s.exited());
  EXPECT_EQ(s.exit_code(), 0);
}

TEST(LspServer, ServesOverStreamsAndRefusesOversizedFrames) {
  std::istringstream in(framed(R"({"jsonrpc":"2.0","id":1,"method":"initialize"})") +
                        "Content-Length: 99999999999\r\n\r\n");
  std::ostringstream out, log;
  EXPECT_EQ(serve(in, out, log, "test"), 1);  // the stream ended inside the oversized message
  EXPECT_NE(out.str().find(R"("id":1)"), std::string::npos);
  EXPECT_NE(log.str().find("above the limit of 64 MiB"), std::string::npos);
}

TEST(LspSchema, ComesFromTheReaders) {
  const auto& schema = language_schema();
  const BlockSchema& region = schema.at("topology/region");
  for (const char* key :
       {"location", "boundary", "failover", "address", "services", "aks", "subnet"}) {
    EXPECT_NE(region.find(key), nullptr) << key;
  }
  EXPECT_EQ(region.find("geography"), nullptr);
  EXPECT_TRUE(region.find("location")->location);
  EXPECT_TRUE(region.find("aks")->block);
  const KeySchema* mode = schema.at("topology").find("mode");
  ASSERT_NE(mode, nullptr);
  EXPECT_EQ(mode->choices, (std::vector<std::string>{"active-active", "active-passive",
                                                     "warm-standby", "cold-standby"}));
  EXPECT_EQ(schema.at("topology/cosmos").find("consistency")->choices.size(), 5u);
  EXPECT_TRUE(schema.at("topology/frontdoor").find("waf")->boolean);
  const KeySchema* geo = schema.at("topology/frontdoor").find("geo");
  EXPECT_TRUE(geo->attribute && geo->block);
  EXPECT_NE(schema.at("topology/frontdoor/geo").find("countries"), nullptr);
  EXPECT_TRUE(schema.at("topology/frontdoor").find("domain")->block);
  EXPECT_NE(schema.at("topology/frontdoor/domain").find("zone"), nullptr);
  EXPECT_EQ(schema.at("topology/frontdoor/domain").find("certificate")->choices,
            std::vector<std::string>{"managed"});
  const BlockSchema& cache = schema.at("topology/frontdoor/route/cache");
  EXPECT_EQ(cache.find("query_string")->choices,
            (std::vector<std::string>{"ignore", "use", "ignore-specified", "include-specified"}));
  EXPECT_TRUE(cache.find("compression")->boolean);
  EXPECT_NE(cache.find("content_types"), nullptr);
  EXPECT_EQ(schema.at("topology/frontdoor/route").find("data")->choices,
            (std::vector<std::string>{"personal", "non-personal"}));
  EXPECT_NE(schema.at("topology/region/aks/pool").find("vm"), nullptr);
  EXPECT_NE(schema.at("topology/cosmos/container/index").find("include"), nullptr);
  const BlockSchema& backup = schema.at("topology/region/backup");
  EXPECT_EQ(backup.find("redundancy")->choices, (std::vector<std::string>{"LRS", "ZRS", "GRS"}));
  EXPECT_TRUE(backup.find("cross_region_restore")->boolean);
  EXPECT_TRUE(backup.find("postgres")->block);
  EXPECT_NE(schema.at("topology/region/backup/postgres").find("retention"), nullptr);
  EXPECT_TRUE(backup.find("storage")->block);
  EXPECT_NE(schema.at("topology/region/backup/storage").find("retention"), nullptr);
  const BlockSchema& environment = schema.at("topology/region/container_apps/environment");
  EXPECT_TRUE(environment.find("zone_redundant")->boolean);
  EXPECT_TRUE(environment.find("app")->block);
  EXPECT_EQ(schema.at("topology/region/container_apps/environment/app").find("ingress")->choices,
            (std::vector<std::string>{"none", "internal", "external"}));
}

}  // namespace
}  // namespace topoc::lsp

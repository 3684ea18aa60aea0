// What the report commands write: a JSON document on stdout, or a report
// into the file `--output` names, whole or not at all.
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>

#include "compiler/text/visible.h"
#include "tools/cli.h"

namespace topoc::cli {

void print_json(const nlohmann::ordered_json& j) {
  std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

// Written beside the target and renamed over it, so a failed write leaves
// no half report behind and the previous report, if any, stays whole.
bool write_output(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }
  const std::string temp = path + ".topoc-tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (out) out << text;
    if (!out || !out.flush()) {
      int error = errno;
      std::remove(temp.c_str());
      std::cerr << fmt::format("topoc: error: cannot write `{}`: {}\n", visible(truncated(path)),
                               std::strerror(error != 0 ? error : EIO));
      return false;
    }
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    int error = errno;
    std::remove(temp.c_str());
    std::cerr << fmt::format("topoc: error: cannot write `{}`: {}\n", visible(truncated(path)),
                             std::strerror(error));
    return false;
  }
  return true;
}

}  // namespace topoc::cli

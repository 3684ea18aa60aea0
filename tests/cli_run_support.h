// Runs the topoc binary through the shell from a given directory, with extra
// environment variables, and captures its exit code, stdout and stderr.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace topoc::testing {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string slurp_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// `env` is a prefix such as "NO_COLOR=1 " (may be empty); `args` is shell text.
inline CliRun run_topoc(const std::filesystem::path& dir, const std::string& env,
                        const std::string& args, const std::string& stdin_file = "/dev/null") {
  static int counter = 0;
  std::filesystem::path base =
      std::filesystem::temp_directory_path() /
      ("topoc-cli-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
  std::string command = "cd " + shell_quote(dir.string()) + " && env " + env + " " +
                        shell_quote(TOPOC_BINARY) + " " + args + " < " + shell_quote(stdin_file) +
                        " > " + shell_quote(base.string() + ".out") + " 2> " +
                        shell_quote(base.string() + ".err");
  int status = std::system(command.c_str());
  CliRun r;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  r.out = slurp_file(base.string() + ".out");
  r.err = slurp_file(base.string() + ".err");
  std::error_code ec;
  std::filesystem::remove(base.string() + ".out", ec);
  std::filesystem::remove(base.string() + ".err", ec);
  return r;
}

}  // namespace topoc::testing

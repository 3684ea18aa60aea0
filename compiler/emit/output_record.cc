#include "compiler/emit/output_record.h"

#include <fmt/format.h>

#include "compiler/emit/file_io.h"
#include "compiler/emit/output_tree.h"

namespace topoc::emit {

OutputRecord parse_output_record(std::string_view text) {
  OutputRecord record;
  Owner owner;  // lines before the first header: a record without owners
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    if (line.empty() || line[0] == '#') continue;
    if (line.front() == '[' && line.back() == ']') {
      std::string_view inner = line.substr(1, line.size() - 2);
      size_t space = inner.rfind(' ');
      owner = space == std::string_view::npos ? Owner{std::string(inner), ""}
                                              : Owner{std::string(inner.substr(0, space)),
                                                      std::string(inner.substr(space + 1))};
      record[owner];
      continue;
    }
    if (is_safe_relative_path(std::string(line))) record[owner].insert(std::string(line));
  }
  return record;
}

std::optional<OutputRecord> read_output_record(const std::filesystem::path& dir) {
  auto text = io::read_regular_file(dir / kOutputMarker);
  if (!text) return std::nullopt;
  return parse_output_record(*text);
}

std::string render_output_record(const OutputRecord& record) {
  std::string out =
      "# The files topoc generated in this directory, under the environment and\n"
      "# target that wrote them. `topoc build --env E --target T` replaces or\n"
      "# removes only files listed under [E T] and keeps every other file.\n";
  for (const auto& [owner, paths] : record) {
    if (owner.environment.empty() && owner.target.empty()) continue;
    out += fmt::format("[{} {}]\n", owner.environment, owner.target);
    for (const std::string& p : paths) out += p + "\n";
  }
  return out;
}

}  // namespace topoc::emit

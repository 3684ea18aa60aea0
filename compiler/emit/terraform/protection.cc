#include "compiler/emit/terraform/protection.h"

namespace topoc::emit::terraform {

std::string with_prevent_destroy(std::string_view contents, bool protect) {
  std::string out(contents);
  if (protect) return out;
  constexpr std::string_view kOff = "    prevent_destroy = false\n";
  for (size_t at = out.find(kPreventDestroyLine); at != std::string::npos;
       at = out.find(kPreventDestroyLine, at + kOff.size())) {
    out.replace(at, kPreventDestroyLine.size(), kOff);
  }
  return out;
}

}  // namespace topoc::emit::terraform

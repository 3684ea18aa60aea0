// Names that become paths and keys of the build: the environment is a folder
// (environments/<environment>/), part of the Terraform state key and of every
// generated Azure name.
#pragma once

#include <string_view>

namespace topoc::model {

// 1 to 16 of `a-z`, `0-9` and `-`, starting with a letter or digit: what the
// file's `environment` (M017) and the command line's `--env` may be.
bool valid_environment_name(std::string_view name);

}  // namespace topoc::model

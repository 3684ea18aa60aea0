// SHA-256 (FIPS 180-4) of emitted files, for `topoc build --format json`:
// a file's digest lets tools compare outputs without reading them. Nettle's
// (Debian's nettle-dev), linked in from its static archive (CMakeLists.txt).
#pragma once

#include <string>
#include <string_view>

namespace topoc::emit {

// The digest of `data` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace topoc::emit

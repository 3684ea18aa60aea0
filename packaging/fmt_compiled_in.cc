// fmt's implementation, compiled into topoc from Debian's headers. Debian 12
// ships fmt as a shared library only (libfmt.so.9); with these definitions in
// the executable and `--as-needed`, topoc no longer needs that library, so
// the tarball runs on systems without it (TOPOC_PORTABLE in CMakeLists.txt).
#include <fmt/format-inl.h>

// The two templates fmt/format.h declares `extern` and format-inl.h uses,
// instantiated here as the shared library would.
FMT_BEGIN_NAMESPACE
namespace detail {
template FMT_API auto thousands_sep_impl<char>(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto decimal_point_impl<char>(locale_ref) -> char;
}  // namespace detail
FMT_END_NAMESPACE

#include "compiler/services/frontdoor/model.h"

namespace topoc::model {

const char* to_string(QueryStringCaching q) {
  switch (q) {
    case QueryStringCaching::kIgnore:
      return "IgnoreQueryString";
    case QueryStringCaching::kUse:
      return "UseQueryString";
    case QueryStringCaching::kIgnoreSpecified:
      return "IgnoreSpecifiedQueryStrings";
    case QueryStringCaching::kIncludeSpecified:
      return "IncludeSpecifiedQueryStrings";
  }
  return "";
}

}  // namespace topoc::model

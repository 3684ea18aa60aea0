// The Kusto query a log search alert runs on a region's Application Insights,
// and what it measures in words: one row with a `value` column, which the
// rule compares with the threshold (time aggregation Maximum over that one
// row, so the row's value is what counts).
#pragma once

#include <string>
#include <string_view>

#include "compiler/estate/estate.h"
#include "compiler/model/topology.h"

namespace topoc::services::alerts {

// Only for an alert with Alert::log_search set and a known metric or a
// custom metric; the reader has refused anything else.
std::string log_query(const model::Alert& a);
// The key of a region's Application Insights ID in the Bicep alerts
// module's `scopeIds`: app_insights/<region key>, as metric alerts on it
// name it; log search alerts and availability tests use it too.
std::string app_insights_scope_key(const model::Region& region);

// "above", "at or above", "below", "at or below": a comparison in words.
const char* comparison_words(model::Comparison c);

// "<what> <comparison> <threshold> on <watched>", the rule's description.
std::string log_description(const model::Alert& a, std::string_view watched);

}  // namespace topoc::services::alerts

#include "compiler/services/openai/model.h"

namespace topoc::model {

const char* to_string(OpenAIDeployment d) {
  switch (d) {
    case OpenAIDeployment::kStandard:
      return "Standard";
    case OpenAIDeployment::kDataZone:
      return "DataZoneStandard";
    case OpenAIDeployment::kGlobal:
      return "GlobalStandard";
  }
  return "";
}

const char* dsl_spelling(OpenAIDeployment d) {
  switch (d) {
    case OpenAIDeployment::kStandard:
      return "standard";
    case OpenAIDeployment::kDataZone:
      return "data-zone";
    case OpenAIDeployment::kGlobal:
      return "global";
  }
  return "";
}

}  // namespace topoc::model

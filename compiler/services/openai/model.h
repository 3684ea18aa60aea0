// The model of `openai`: the account and its model deployments (dsl/README.md). Part of
// compiler/model/topology.h, which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

struct OpenAIModel {
  std::string name;  // gpt-4o
  Location location;
  Sourced<std::string> version;
  Sourced<int64_t> capacity;  // thousands of tokens per minute
  std::string deployment_name;  // defaults to the model name
};

struct OpenAI {
  Location location_of_block;
  bool block_written = false;     // an `openai` block configures it
  Sourced<std::string> location;  // where the account lives; defaults to the region's location
  Sourced<OpenAIDeployment> deployment;
  std::vector<OpenAIModel> models;
};

}  // namespace topoc::model

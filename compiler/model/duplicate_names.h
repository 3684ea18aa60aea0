// Names declared more than once in one scope (containers of an account,
// subnets of a region, alerts, geo routes): each later declaration is
// reported once for every earlier one of its name, in declaration order.
// Hashing by name keeps this linear in the declarations; once the sink keeps
// no more diagnostics, the rest are counted without being built.
#pragma once

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "compiler/diag/diagnostic.h"

namespace topoc::model {

class DuplicateNames {
 public:
  DuplicateNames(diag::DiagnosticSink& sink, std::string note)
      : sink_(sink), note_(std::move(note)) {}

  // Records `name` declared at `at`; `message()` words the report, built
  // only when there is an earlier declaration to report against.
  template <typename Message>
  void declare(const std::string& name, const diag::Location& at, Message&& message) {
    std::vector<diag::Location>& earlier = seen_[name];
    for (size_t i = 0; i < earlier.size(); ++i) {
      if (sink_.full()) {
        sink_.count_dropped(diag::Kind::Duplicate, earlier.size() - i);
        break;
      }
      sink_.report(diag::Kind::Duplicate, at, message()).notes.push_back({earlier[i], note_});
    }
    earlier.push_back(at);
  }

 private:
  diag::DiagnosticSink& sink_;
  std::string note_;
  std::unordered_map<std::string, std::vector<diag::Location>> seen_;
};

}  // namespace topoc::model

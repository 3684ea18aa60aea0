// N005: two subnets of one VNet cannot share addresses; Azure rejects the
// second. Subnets topoc carves itself never overlap the written ones (the
// carving skips used blocks), so this finds overlaps between written ones.
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void subnets_disjoint(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& r : t.regions) {
    for (size_t j = 0; j < r.subnets.size(); ++j) {
      const model::Subnet& later = r.subnets[j];
      if (later.address.value.prefix == 0 && !later.address.explicit_) continue;
      for (size_t i = 0; i < j; ++i) {
        const model::Subnet& earlier = r.subnets[i];
        if (earlier.name == later.name) continue;  // declared twice: M003
        if (earlier.address.value.prefix == 0 && !earlier.address.explicit_) continue;
        if (!earlier.address.value.overlaps(later.address.value)) continue;
        auto& d =
            sink.report(diag::Kind::OverlappingSubnets,
                        later.address.explicit_ ? later.address.location : later.location,
                        fmt::format("subnet `{}` (`{}`) overlaps subnet `{}` (`{}`) in region `{}`",
                                    later.name, later.address.value.to_string(), earlier.name,
                                    earlier.address.value.to_string(), r.key));
        d.notes.push_back({earlier.address.explicit_ ? earlier.address.location : earlier.location,
                           fmt::format("subnet `{}` declared here", earlier.name)});
      }
    }
  }
}

}  // namespace topoc::rules

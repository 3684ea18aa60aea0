#include "compiler/services/redis/model.h"

namespace topoc::model {

bool Redis::managed() const {
  return sku.value != "Basic" && sku.value != "Standard" && sku.value != "Premium";
}

const char* dsl_spelling(RedisPersistence p) {
  switch (p) {
    case RedisPersistence::kNone:
      return "none";
    case RedisPersistence::kRdb:
      return "rdb";
    case RedisPersistence::kAof:
      return "aof";
  }
  return "none";
}

}  // namespace topoc::model

// How the findings of the services' own placements read: each names the
// resource and the DSL that placed it the way its service's users know it.
// A placement without a wording gets the engine's generic one.
#pragma once

#include "compiler/estate/resource.h"

namespace topoc::residency {

// R001: a region's location.
void region_outside_boundary(const estate::Breach&, diag::DiagnosticSink&);
// R002: a region's failover.
void failover_outside_boundary(const estate::Breach&, diag::DiagnosticSink&);
// A001, A002, R004: a storage account's geo-pair copy.
void storage_copy_outside(const estate::Breach&, diag::DiagnosticSink&);
// R005: an OpenAI account placed outside the boundary.
void openai_account_outside(const estate::Breach&, diag::DiagnosticSink&);
// R005: where an OpenAI deployment type may process prompts.
void openai_processing_outside(const estate::Breach&, diag::DiagnosticSink&);
// R007: a Redis geo-replica.
void redis_replica_outside(const estate::Breach&, diag::DiagnosticSink&);
// R003: a Cosmos DB account shared by every tenant.
void cosmos_spans_boundaries(const estate::Breach&, diag::DiagnosticSink&);
// R011: the copy of a Key Vault's contents Azure keeps in the paired region.
void keyvault_copy_outside(const estate::Breach&, diag::DiagnosticSink&);

// R014: a Traffic Manager profile that may send a boundary's clients to an
// endpoint outside it.
void traffic_manager_endpoint_outside(const estate::Breach&, diag::DiagnosticSink&);

// R012: a Front Door route that caches responses of a boundary holding
// tenants at every edge location.
void frontdoor_route_cache_outside(const estate::Breach&, diag::DiagnosticSink&);

// Any other placement: the code of its kind (docs/estate.md), the resource,
// the locations outside and the placement's reason chain as notes.
void generic(const estate::Breach&, diag::DiagnosticSink&);

}  // namespace topoc::residency

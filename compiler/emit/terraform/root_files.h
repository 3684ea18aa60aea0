// The files of the environment root (environments/<env>/) and the manifest,
// each rendered from the planned estate.
#pragma once

#include <string>
#include <vector>

#include "compiler/emit/terraform/estate.h"
#include "compiler/emit/terraform/hcl_writer.h"
#include "compiler/services/monitoring/log_sink.h"

namespace topoc::emit::terraform {

// The regional and global modules the estate calls, as paths under modules/
// ("regional/aks", "global/cosmosdb"), sorted.
std::vector<std::string> modules_used(const Estate& estate);

// locals { regions, boundaries, common_tags, ... }: everything the estate
// varies by, as data. `insights` is the estate's, found once for main.tf.
hcl::Body root_locals(const Estate& estate, const services::monitoring::BoundaryInsights& insights);

std::string render_main_tf(const Estate& estate);
std::string render_terraform_tf(const Estate& estate);
std::string render_providers_tf(const Estate& estate);
std::string render_backend_tf(const Estate& estate);
std::string render_variables_tf(const Estate& estate);
std::string render_outputs_tf(const Estate& estate);
std::string render_tfvars(const Estate& estate);
// topoc.manifest.json (the format is described in docs/manifest.md), and
// the estate's resources in its order (by address), for the README's
// resource counts and moved.tf. `resources` points into the estate the file
// was built from, which must outlive it.
struct ManifestFile {
  std::string text;
  std::vector<const estate::Resource*> resources;
};
ManifestFile build_manifest(const Estate& estate);

// environments/<env>/moved.tf: a `moved` block for every address that
// changes because a region was renamed (`renamed_from`); "" when none was.
// `current` is the manifest of `estate`.
std::string render_moved_tf(const Estate& estate, const ManifestFile& current);

// README.md of the root; it counts resources per module in `manifest`.
std::string render_readme(const Estate& estate, const ManifestFile& manifest);

// Traffic Manager (traffic_manager_root.cc): the `traffic_manager` local,
// the module call appended to main.tf, and whether any endpoint needs the
// `ingress_public_ip_ids` variable.
hcl::Expr traffic_manager_locals(const Estate& estate);
void traffic_manager_module(const Estate& estate, hcl::Body& file);
bool has_traffic_manager_azure_endpoints(const Estate& estate);

// Public DNS (dns_root.cc): the dns module's call appended to main.tf, when
// services::dns::has_dns_module.
void dns_module(const Estate& estate, hcl::Body& file);

}  // namespace topoc::emit::terraform

# What `cmake --install` puts where, and the packages CPack makes of it:
#   cmake --install build --prefix /usr/local
#   cpack --config build/CPackConfig.cmake      # DEB and TGZ into build/packages/
# The templates are compiled into topoc, so the binary and its documentation
# are the whole installation. docs/install.md describes the result.
include(GNUInstallDirs)

install(TARGETS topoc RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# share/doc/topoc keeps the repository's layout, so the README's relative
# links (docs/rules.md, dsl/README.md, examples/) resolve there too.
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES dsl/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR}/dsl)
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs FILES_MATCHING PATTERN "*.md")
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples
        FILES_MATCHING PATTERN "*.topo" PATTERN "*.yml" PATTERN "invalid" EXCLUDE)
file(GLOB TOPOC_LICENSE_FILES ${PROJECT_SOURCE_DIR}/LICENSE* ${PROJECT_SOURCE_DIR}/COPYING*
     ${PROJECT_SOURCE_DIR}/NOTICE*)
if(TOPOC_LICENSE_FILES)
  install(FILES ${TOPOC_LICENSE_FILES} DESTINATION ${CMAKE_INSTALL_DOCDIR})
endif()

set(TOPOC_PACKAGE_MAINTAINER "topoc maintainers <maintainers@topoc.invalid>" CACHE STRING
    "Maintainer field of the Debian package: \"Name <email>\"")

set(CPACK_PACKAGE_NAME topoc)
set(CPACK_PACKAGE_VENDOR topoc)
set(CPACK_PACKAGE_CONTACT "${TOPOC_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "compiler for multi-region Azure platforms: residency checks, Terraform, Bicep, drift")
set(CPACK_PACKAGE_DESCRIPTION
    "topoc reads a short topology file describing a multi-region Azure platform\n(residency boundaries, regions, tenants, data services) and checks it:\nno tenant's data may leave its boundary. It generates the azurerm Terraform\nmodule tree and Bicep for the estate, with Azure Policy, and compares the\ntopology with what is deployed to report drift and residency breaches.")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")
set(CPACK_STRIP_FILES ON)
# A <package>.sha256 next to each package, in `sha256sum -c` format.
set(CPACK_PACKAGE_CHECKSUM SHA256)

# The tarball: topoc-<version>-linux-<arch>.tar.gz, unpacking into a
# directory of the same name with bin/ and share/doc/topoc/.
string(TOLOWER "${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR}" TOPOC_PLATFORM)
set(CPACK_PACKAGE_FILE_NAME "topoc-${PROJECT_VERSION}-${TOPOC_PLATFORM}")

# The Debian package: topoc_<version>_<arch>.deb installing into /usr (CPack's
# default for DEB; the tarball has no prefix), its dependencies computed by
# dpkg-shlibdeps from what the binary links.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${TOPOC_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

include(CPack)

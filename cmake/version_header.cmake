# topoc_version.h for TARGET: the version written once, in project(), and the
# commit of the checkout, read again at every build (write_version_header.cmake).
set(TOPOC_COMMIT "" CACHE STRING
    "Commit topoc reports when the source has no .git (a release tarball, a Docker build); empty: ask git")

function(topoc_version_header target)
  set(header "${PROJECT_BINARY_DIR}/generated/topoc_version.h")
  add_custom_target(topoc_version
    COMMAND "${CMAKE_COMMAND}" "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}" "-DOUTPUT=${header}"
            "-DVERSION=${PROJECT_VERSION}" "-DCOMMIT=${TOPOC_COMMIT}"
            -P "${PROJECT_SOURCE_DIR}/cmake/write_version_header.cmake"
    BYPRODUCTS "${header}"
    VERBATIM)
  add_dependencies(${target} topoc_version)
  target_include_directories(${target} PRIVATE "${PROJECT_BINARY_DIR}/generated")
endfunction()

# Writes topoc_version.h: the version from project(), the commit of the source
# checkout and the dates of the availability tables. Runs in script mode at
# every build (target topoc_version, cmake/version_header.cmake), so a commit
# made since the last build shows after the next one; configure_file leaves
# the header untouched when nothing changed, so nothing recompiles then.
#
#   cmake -DSOURCE_DIR=... -DOUTPUT=... -DVERSION=... [-DCOMMIT=...] -P write_version_header.cmake
#
# COMMIT overrides the lookup, for builds from a copy without .git (Docker).
# Without git or outside a git checkout of SOURCE_DIR the commit is "unknown".
cmake_minimum_required(VERSION 3.25)

set(TOPOC_VERSION "${VERSION}")
if(NOT TOPOC_VERSION MATCHES "^[0-9]+\\.[0-9]+\\.[0-9]+$")
  message(FATAL_ERROR "version.cmake: VERSION `${VERSION}` is not MAJOR.MINOR.PATCH")
endif()

set(TOPOC_COMMIT "unknown")
if(COMMIT)
  if(NOT COMMIT MATCHES "^([0-9a-f]+|unknown)$")
    message(FATAL_ERROR "TOPOC_COMMIT `${COMMIT}` is not a hexadecimal commit hash")
  endif()
  set(TOPOC_COMMIT "${COMMIT}")
else()
  find_program(TOPOC_GIT git)
  if(TOPOC_GIT)
    # Only SOURCE_DIR's own checkout counts: a source tree unpacked inside
    # some other repository must not take that repository's commit.
    execute_process(COMMAND "${TOPOC_GIT}" -C "${SOURCE_DIR}" rev-parse --show-toplevel --short HEAD
                    OUTPUT_VARIABLE lines RESULT_VARIABLE failed ERROR_QUIET
                    OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT failed)
      string(REPLACE "\n" ";" lines "${lines}")
      list(GET lines 0 toplevel)
      list(GET lines 1 hash)
      file(REAL_PATH "${SOURCE_DIR}" source)
      file(REAL_PATH "${toplevel}" toplevel)
      if(toplevel STREQUAL source AND hash MATCHES "^[0-9a-f]+$")
        set(TOPOC_COMMIT "${hash}")
      endif()
    endif()
  endif()
endif()

# {"openai_models", "2026-04-30"}, {"ai_search", "..."}, ... from availability.json;
# string(JSON MEMBER) lists the services in sorted order.
file(READ "${SOURCE_DIR}/compiler/catalog/availability.json" availability)
string(JSON models_date GET "${availability}" openai_models date)
set(dates "openai_models;${models_date}")
string(JSON services LENGTH "${availability}" services)
math(EXPR last "${services} - 1")
foreach(i RANGE ${last})
  string(JSON service MEMBER "${availability}" services ${i})
  string(JSON date GET "${availability}" services ${service} date)
  list(APPEND dates "${service};${date}")
endforeach()
set(TOPOC_CATALOGUE_DATES "")
set(separator "")
while(dates)
  list(POP_FRONT dates table date)
  if(NOT table MATCHES "^[a-z_]+$" OR NOT date MATCHES "^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$")
    message(FATAL_ERROR "availability.json: `${table}` has no date in the form YYYY-MM-DD")
  endif()
  string(APPEND TOPOC_CATALOGUE_DATES "${separator}{\"${table}\", \"${date}\"}")
  set(separator ", ")
endwhile()

configure_file("${CMAKE_CURRENT_LIST_DIR}/topoc_version.h.in" "${OUTPUT}" @ONLY)

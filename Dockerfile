# topoc in a container: built on Debian 12, run from debian:12-slim with the
# binary alone (it needs only glibc, see TOPOC_PORTABLE in CMakeLists.txt).
#
#   docker build -t topoc --build-arg TOPOC_COMMIT="$(git rev-parse --short HEAD)" .
#   docker run --rm -v "$PWD:/work" --user "$(id -u):$(id -g)" topoc check platform.topo
#
# .git stays out of the build context (.dockerignore): TOPOC_COMMIT is the
# commit `topoc version` reports, "unknown" when not given.
FROM debian:12 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential cmake tao-pegtl-dev nlohmann-json3-dev libfmt-dev libcli11-dev nettle-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
ARG TOPOC_COMMIT=unknown
RUN cmake -S . -B /build -DCMAKE_BUILD_TYPE=Release -DTOPOC_BUILD_TESTS=OFF \
      -DTOPOC_COMMIT="$TOPOC_COMMIT" \
 && cmake --build /build -j"$(nproc)" \
 && cmake --install /build --prefix /opt/topoc --strip

FROM debian:12-slim
COPY --from=build /opt/topoc/bin/topoc /usr/local/bin/topoc
COPY --from=build /opt/topoc/share/doc/topoc /usr/share/doc/topoc
# Fails the image build if the binary lacks a library the slim image has not.
RUN ["topoc", "--version"]
WORKDIR /work
USER 65532:65532
ENTRYPOINT ["topoc"]
CMD ["--help"]

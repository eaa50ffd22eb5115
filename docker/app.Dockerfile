# syntax=docker/dockerfile:1
# The subsidy application (bin/subsidy) and the intake bridge (connectors/bin/intake-bridge) in one image.
# Build from the repository root:  docker build -f docker/app.Dockerfile -t subsidy-app .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# Plugin folders are the Connect image's business; skip their nested Maven run here.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -Dconnectors.skipPlugins=true -pl app,connectors -am install

FROM eclipse-temurin:17-jre
# curl: connectors/bin/deploy (the one-shot connect-deploy service) talks to the Connect REST API with it.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /opt/subsidy --shell /usr/sbin/nologin subsidy \
 && mkdir -p /var/lib/subsidy && chown subsidy /var/lib/subsidy
WORKDIR /opt/subsidy
# The same layout as the source tree, so the launchers find their jars without Maven.
COPY --from=build /src/bin/subsidy bin/subsidy
COPY --from=build /src/app/target/app-*.jar app/target/
COPY --from=build /src/app/target/lib app/target/lib
COPY --from=build /src/connectors/bin connectors/bin
COPY --from=build /src/connectors/config connectors/config
COPY --from=build /src/connectors/target/connectors-*.jar connectors/target/
COPY --from=build /src/connectors/target/lib connectors/target/lib
USER subsidy
VOLUME /var/lib/subsidy
EXPOSE 8080
ENTRYPOINT ["/opt/subsidy/bin/subsidy"]
CMD ["run", "--data-dir", "/var/lib/subsidy"]

# syntax=docker/dockerfile:1
# The HPO service as a container: built with the Maven wrapper on a JDK, run on a JRE as a non-root user.
# The packaged jar has no embedded development database (the pom excludes it), so the container needs a
# PostgreSQL: set DATABASE_URL (a JDBC URL), DATABASE_USERNAME and DATABASE_PASSWORD (see docker-compose.yml).
# The process backend is off here unless HPO_BACKEND_PROCESS_ENABLED=true; this image has no Python, so
# process-backend studies need an image built FROM this one with their runtime added.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# the wrapper and the pom first: their layer (and the dependency cache) survives source changes
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN chmod +x mvnw
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q package -Dmaven.test.skip=true \
    && cp target/hpo-service-*.jar /tmp/app.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 hpo \
    && useradd --system --uid 10001 --gid hpo --home-dir /app --no-create-home --shell /usr/sbin/nologin hpo \
    && mkdir -p /app && chown hpo:hpo /app
WORKDIR /app
COPY --from=build --chown=hpo:hpo /tmp/app.jar /app/app.jar
USER 10001:10001
ENV PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

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
USER 10001:10001
ENV PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# The jar extracted (/app/app.jar, /app/lib/) and a class data sharing archive (/app/app.jsa) from a training run of
# this image's JVM, with the same options as the container's: the JVM then maps the service's classes already parsed
# and verified instead of loading them from nested jars, which halves the CPU a start needs (docs/startup.md). The
# training run needs no database. The packaged jar and the script are mounted, not copied: the image keeps only the
# extracted jars and the archive.
RUN --mount=type=bind,from=build,source=/tmp/app.jar,target=/tmp/app.jar \
    --mount=type=bind,source=src/main/docker/cds-archive.sh,target=/tmp/cds-archive.sh \
    sh /tmp/cds-archive.sh /tmp/app.jar /app
EXPOSE 8080
# Without the archive (e.g. for -XX:StartFlightRecording, which crashes the JVM 17 at start together with it; a
# recording started later with jcmd works): docker run --entrypoint java IMAGE -jar /app/app.jar
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/app.jar"]

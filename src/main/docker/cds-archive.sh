#!/bin/sh
# Usage: cds-archive.sh SERVICE_JAR DIRECTORY
#
# Prepares the production start of the service (docs/startup.md, "Production start"): extracts the packaged jar into
# DIRECTORY (DIRECTORY/app.jar and DIRECTORY/lib/, plain jars the JVM reads directly instead of the jars nested in the
# packaged one) and writes a class data sharing archive, DIRECTORY/app.jsa, from a training run: the service starts
# until its context is refreshed (spring.context.exit=onRefresh), and the JVM saves the classes it loaded, already
# parsed and verified. Start the service with the same JVM (this script runs $JAVA_HOME/bin/java, else the java on the
# PATH) and the same absolute path:
#
#     java -XX:SharedArchiveFile=DIRECTORY/app.jsa -jar DIRECTORY/app.jar
#
# The training run needs no database (none is there when a container image is built): Flyway is off, Hibernate reads
# no JDBC metadata, and the URL points to a closed port, so the few beans that query at start go on without it. A
# throwaway admin token keeps the run from writing the admin token file. The archive holds only classes: no
# configuration, data or secret. It fits only the JVM and the jars it was written with: with another JVM or changed
# jars the JVM starts without it, as slowly as before.
set -eu

jar=$1
dir=$2
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

"$java" -Djarmode=tools -jar "$jar" extract --destination "$dir" --application-filename app.jar --force
dir=$(cd "$dir" && pwd)
rm -f "$dir/app.jsa"

token=cds-training-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
"$java" -XX:ArchiveClassesAtExit="$dir/app.jsa" -Xlog:cds=error -Dspring.context.exit=onRefresh \
    -jar "$dir/app.jar" \
    --spring.main.banner-mode=off \
    --spring.datasource.url=jdbc:postgresql://127.0.0.1:1/cds-training \
    --spring.flyway.enabled=false \
    --spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
    --spring.jpa.properties.jakarta.persistence.database-product-name=PostgreSQL \
    --hpo.security.admin-token="$token" \
    --logging.level.dev.hpo.metrics.DatabaseGauges=error
test -s "$dir/app.jsa"
echo "class data sharing archive written: $dir/app.jsa"

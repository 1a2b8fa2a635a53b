package dev.hpo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.hpo.security.TokenSecrets;
import dev.hpo.testsupport.ApiTestBase;
import dev.hpo.testsupport.Http;

/**
 * Every operation of {@code api/openapi.yaml}, called with each role's token and with none: a role the table below
 * allows never gets 401 or 403 (it gets whatever the input deserves, here mostly 400 or 404: the ids are random,
 * so nothing changes), every other role gets a 403 problem, and no token gets a 401 problem.
 *
 * <p>The table lists the exceptions to the API's default, "viewer for reads (GET), user for everything else". A
 * new endpoint that follows the default needs no line here.
 */
class RoleAccessIT extends ApiTestBase {

    enum Who { ADMIN, USER, WORKER, VIEWER }

    private static final Set<Who> READERS = EnumSet.of(Who.ADMIN, Who.USER, Who.VIEWER);
    private static final Set<Who> WRITERS = EnumSet.of(Who.ADMIN, Who.USER);
    private static final Set<Who> WORKERS = EnumSet.of(Who.ADMIN, Who.USER, Who.WORKER);
    private static final Set<Who> ADMINS = EnumSet.of(Who.ADMIN);

    /** "METHOD path" of the contract to the roles allowed, where they differ from the default. */
    private static final Map<String, Set<Who>> EXCEPTIONS = Map.of(
            "POST /api/v1/queues/{queue}/lease", WORKERS,
            "POST /api/v1/experiments/{id}/heartbeat", WORKERS,
            "POST /api/v1/experiments/{id}/scalars", WORKERS,
            "POST /api/v1/experiments/{id}/complete", WORKERS,
            "POST /api/v1/experiments/{id}/fail", WORKERS,
            "GET /api/v1/tokens", ADMINS,
            "POST /api/v1/tokens", ADMINS,
            "DELETE /api/v1/tokens/{id}", ADMINS);

    private final Map<Who, Http> clients = new LinkedHashMap<>();

    @BeforeEach
    void tokens() {
        clients.put(Who.ADMIN, http);
        for (Who who : List.of(Who.USER, Who.WORKER, Who.VIEWER)) {
            clients.put(who, http.as(token(who.name().toLowerCase())));
        }
    }

    private String token(String role) {
        Http.Answer created = http.post("/api/v1/tokens", "{\"name\": \"" + role + " for tests\", \"role\": \"" + role + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("token").asString();
    }

    @Test
    void eachRoleCanDoWhatItShouldAndGets403ForTheRestOfEveryEndpoint() throws IOException {
        List<String[]> operations = operations();
        assertThat(operations).hasSizeGreaterThan(25);
        List<String> wrong = new ArrayList<>();
        for (String[] operation : operations) {
            String method = operation[0];
            String template = operation[1];
            String key = method + " " + template;
            Set<Who> allowed = EXCEPTIONS.getOrDefault(key, method.equals("GET") ? READERS : WRITERS);
            String path = template.replace("{id}", UUID.randomUUID().toString()).replace("{queue}", "q-roles");
            String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
            for (Map.Entry<Who, Http> client : clients.entrySet()) {
                Http.Answer answer = client.getValue().request(method, path, body);
                boolean denied = answer.status() == 403 || answer.status() == 401;
                if (allowed.contains(client.getKey()) == denied || denied && !isProblem(answer)) {
                    wrong.add(key + " as " + client.getKey() + ": " + answer.status() + " " + answer.body());
                }
            }
            Http.Answer anonymous = http.as(null).request(method, path, body);
            if (anonymous.status() != 401 || !isProblem(anonymous)
                    || anonymous.headers().firstValue("WWW-Authenticate").isEmpty()) {
                wrong.add(key + " without a token: " + anonymous.status() + " " + anonymous.body());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aBadOrRevokedTokenIs401() {
        Http.Answer created = http.post("/api/v1/tokens", "{\"name\": \"short-lived\", \"role\": \"viewer\"}");
        String id = created.json().get("id").asString();
        Http viewer = http.as(created.json().get("token").asString());
        assertThat(viewer.get("/api/v1/studies").status()).isEqualTo(200);

        Http.Answer revoked = http.request("DELETE", "/api/v1/tokens/" + id, null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("revokedAt").isNull()).isFalse();
        Http.Answer after = viewer.get("/api/v1/studies");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
        // a bad token is refused even where no token is needed, so a client learns its token is wrong
        assertThat(viewer.get("/actuator/health").status()).isEqualTo(401);

        assertThat(http.as("hpo_not-a-token-of-ours").get("/api/v1/studies").status()).isEqualTo(401);
        assertThat(http.as("").get("/api/v1/studies").status()).isEqualTo(401);
        assertThat(http.request("DELETE", "/api/v1/tokens/" + UUID.randomUUID(), null).status()).isEqualTo(404);
    }

    @Test
    void tokenSecretsAreStoredOnlyAsHashesAndShownOnlyAtCreation() {
        Http.Answer created = http.post("/api/v1/tokens", "{\"name\": \"ci\", \"role\": \"worker\"}");
        String secret = created.json().get("token").asString();
        assertThat(secret).startsWith("hpo_").hasSizeGreaterThan(40);

        List<Map<String, Object>> rows = jdbc.queryForList("select * from api_token");
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> row : rows) {
            row.values().forEach(value -> assertThat(String.valueOf(value)).doesNotContain(secret.substring(4)));
        }
        assertThat(jdbc.queryForObject("select secret_hash from api_token where id = ?::uuid", String.class,
                created.json().get("id").asString())).isEqualTo(TokenSecrets.hash(secret));

        Http.Answer listed = http.get("/api/v1/tokens");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(secret).contains("\"role\":\"worker\"");
    }

    @Test
    void badTokenRequestsAre400AndWriteNothing() {
        long before = count("api_token");
        assertThat(http.post("/api/v1/tokens", "{\"name\": \"x\", \"role\": \"root\"}").firstErrorField()).isEqualTo("role");
        assertThat(http.post("/api/v1/tokens", "{\"name\": \"\", \"role\": \"user\"}").firstErrorField()).isEqualTo("name");
        assertThat(http.post("/api/v1/tokens", "{\"role\": \"user\"}").status()).isEqualTo(400);
        assertThat(http.post("/api/v1/tokens", "{\"name\": \"x\", \"role\": \"user\", \"secret\": \"mine\"}").status())
                .isEqualTo(400);
        assertThat(http.request("DELETE", "/api/v1/tokens/not-a-uuid", null).status()).isEqualTo(400);
        assertThat(count("api_token")).isEqualTo(before);
    }

    @Test
    void aWorkerReadsOnlyTheExperimentsItHolds() {
        Http worker = http.as(token("worker"));
        String queue = uniqueQueue();
        String study = runningStudy(queue);
        List<UUID> ids = insertExperiments(study, 2, queue);
        Http.Answer leased = worker.post("/api/v1/queues/" + queue + "/lease", "{\"workerId\": \"w1\"}");
        assertThat(leased.status()).as(leased.body()).isEqualTo(200);
        String held = leased.json().get("id").asString();
        String other = ids.get(0).toString().equals(held) ? ids.get(1).toString() : ids.get(0).toString();

        assertThat(worker.get("/api/v1/experiments/" + held).status()).isEqualTo(200);
        assertThat(worker.get("/api/v1/experiments/" + other).status()).isEqualTo(403);
        assertThat(worker.get("/api/v1/studies/" + study).status()).isEqualTo(403);
        assertThat(worker.post("/api/v1/experiments/" + held + "/complete", null).status()).isEqualTo(200);
        // once it ended the worker holds it no longer
        assertThat(worker.get("/api/v1/experiments/" + held).status()).isEqualTo(403);
    }

    @Test
    void aCommandInABaseExperimentNeedsAnAdmin() {
        Http user = http.as(token("user"));
        String withCommand = "{\"name\": \"run\", \"command\": [\"id\"]}";
        long before = count("base_experiment");
        Http.Answer refused = user.post("/api/v1/base-experiments", withCommand);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.firstErrorField()).isEqualTo("command");
        assertThat(count("base_experiment")).isEqualTo(before);
        assertThat(user.post("/api/v1/base-experiments", "{\"name\": \"queue only\"}").status()).isEqualTo(201);
        assertThat(http.post("/api/v1/base-experiments", withCommand).status()).isEqualTo(201);
    }

    @Test
    void healthTheContractAndSwaggerUiAreOpenOtherActuatorEndpointsNeedAnAdmin() {
        Http anonymous = http.as(null);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs.yaml").status()).isEqualTo(200);
        assertThat(anonymous.get("/swagger-ui.html").status()).isIn(200, 302);
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(clients.get(Who.USER).get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(http.get("/actuator/metrics").status()).isEqualTo(200);
        // a path that is no endpoint still needs a token (it tells nothing about what exists)
        assertThat(anonymous.get("/api/v1/nothing-here").status()).isEqualTo(401);
        assertThat(clients.get(Who.VIEWER).get("/api/v1/nothing-here").status()).isEqualTo(404);
    }

    private static boolean isProblem(Http.Answer answer) {
        return answer.contentType().startsWith("application/problem+json") && answer.json() != null
                && answer.json().get("status") != null && answer.json().get("status").asInt() == answer.status();
    }

    /** {method, path template} of every operation in the contract file. */
    @SuppressWarnings("unchecked")
    private static List<String[]> operations() throws IOException {
        Map<String, Object> api = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(Path.of("api/openapi.yaml")));
        List<String[]> result = new ArrayList<>();
        ((Map<String, Map<String, Object>>) api.get("paths")).forEach((path, methods) -> methods.keySet().forEach(m -> {
            if (Set.of("get", "post", "put", "delete", "patch").contains(m)) {
                result.add(new String[] {m.toUpperCase(), path});
            }
        }));
        return result;
    }
}

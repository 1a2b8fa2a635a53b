package dev.hpo.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.hpo.testsupport.Http;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile requests generated from {@code api/openapi.yaml}, reproducible from a seed: for a random operation, a
 * body built from its schema and then broken (wrong types, missing and extra fields, huge and non-finite numbers,
 * long and control-character strings, malformed JSON), query values of the wrong type or with bad
 * percent-encoding, bad ids, wrong content types, wrong methods, odd {@code Accept} headers, missing or bad
 * tokens. {@link #run} sends them and counts every answer that is a 5xx or an error that is not a problem detail.
 */
final class ContractFuzzer {

    /** One generated request. */
    record Request(String method, String path, String contentType, String accept, String body, String token) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "..." : body;
            return method + " " + path + " [" + contentType + ", accept " + accept + "] " + shown;
        }
    }

    /** What a run found. */
    record Result(int requests, int serverErrors, int notProblems, Map<Integer, Integer> byStatus, List<String> samples) {
        /** This run and {@code other} together. */
        Result plus(Result other) {
            Map<Integer, Integer> statuses = new TreeMap<>(byStatus);
            other.byStatus().forEach((status, n) -> statuses.merge(status, n, Integer::sum));
            List<String> all = new ArrayList<>(samples);
            all.addAll(other.samples());
            return new Result(requests + other.requests(), serverErrors + other.serverErrors(),
                    notProblems + other.notProblems(), statuses, all.subList(0, Math.min(20, all.size())));
        }

        @Override
        public String toString() {
            return requests + " requests: " + serverErrors + " x 5xx (or no answer), " + notProblems
                    + " error answers that are not problem details; by status " + byStatus;
        }
    }

    private record Operation(String method, String path, List<Map<String, Object>> parameters,
                             Map<String, Object> bodySchema) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE");
    private static final List<String> CONTENT_TYPES = List.of("multipart/form-data", "multipart/form-data; boundary=x",
            "*/*", "text/plain", "application/xml", "application/x-www-form-urlencoded", "garbage", "application/",
            "application/json; charset=ebcdic", "application/json; charset=utf-16", "application/*",
            "application/problem+json", "");
    private static final List<String> ACCEPTS = List.of("application/xml", "text/html", "image/png", "*/*",
            "application/json;q=0", "garbage", "text/event-stream");
    // only what a URI may hold (the client cannot send "%" or "%zz"; Tomcat would refuse them before the service)
    private static final List<String> BAD_IDS = List.of("not-a-uuid", "0", "-1", "%ff", "%00", "%c3%28",
            "00000000-0000-0000-0000-00000000000g", "x".repeat(5000), "%E2%80%AE", "null", "..%2f..", "%20");
    private static final List<String> BAD_QUERY_VALUES = List.of("%ff", "%fe%ff", "%c3%28", "-1", "1e400",
            "NaN", "Infinity", "99999999999999999999", "1.5", "true", "", "%00", "x".repeat(5000), "%ed%a0%80",
            "%F0%9F%98%80", "0x10", "%5B%5D", "%7B%7D", "%0d%0a");
    private static final List<String> STRINGS = List.of("", " ", "\u0000", "\u0001\u001f", "\uffff", "\ud800",
            "x".repeat(300), "y".repeat(70_000), "💥", "../../etc/passwd", "'; drop table study; --", "%ff",
            "<script>", "\n\r\t");
    private static final List<String> NUMBERS = List.of("1e308", "-1e308", "1e400", "-1e400", "1e-400",
            "99999999999999999999999", "-9223372036854775809", "0", "-0", "-1", "0.5", "1E3", "123456789012");

    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, Map<String, Object>> schemas;
    private final List<String> realIds;
    private final Random random;

    /** {@code realIds}: ids that exist (studies, experiments, base experiments, tokens), used beside bad ones. */
    @SuppressWarnings("unchecked")
    ContractFuzzer(Path contract, List<String> realIds, long seed) throws IOException {
        Map<String, Object> api = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(contract));
        this.schemas = (Map<String, Map<String, Object>>) ((Map<String, Object>) api.get("components")).get("schemas");
        this.realIds = realIds;
        this.random = new Random(seed);
        new TreeMap<>((Map<String, Map<String, Object>>) api.get("paths")).forEach((path, methods) ->
                new TreeMap<>(methods).forEach((method, op) -> {
                    if (!(op instanceof Map)) {
                        return;
                    }
                    Map<String, Object> operation = (Map<String, Object>) op;
                    List<Map<String, Object>> parameters = operation.get("parameters") instanceof List<?> list
                            ? (List<Map<String, Object>>) list : List.of();
                    Map<String, Object> body = null;
                    if (operation.get("requestBody") instanceof Map<?, ?> requestBody
                            && requestBody.get("content") instanceof Map<?, ?> content
                            && content.get("application/json") instanceof Map<?, ?> json) {
                        body = (Map<String, Object>) json.get("schema");
                    }
                    operations.add(new Operation(method.toUpperCase(), path, parameters, body));
                }));
    }

    int operationCount() {
        return operations.size();
    }

    /** Sends {@code count} requests as the admin (and a few with no or bad tokens) and counts what went wrong. */
    Result run(Http admin, int count) {
        int serverErrors = 0;
        int notProblems = 0;
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Request request = next();
            Http.Answer answer;
            try {
                answer = admin.as(request.token()).raw(request.method(), request.path(), request.contentType(),
                        request.accept(), request.body());
            } catch (IllegalArgumentException unsendable) {
                // the HTTP client refused to build it (not a URI, a forbidden header): no request, nothing to judge
                byStatus.merge(0, 1, Integer::sum);
                continue;
            } catch (RuntimeException e) {
                serverErrors++;
                if (samples.size() < 20) {
                    samples.add("no answer (" + e.getMessage() + ") to " + request);
                }
                continue;
            }
            byStatus.merge(answer.status(), 1, Integer::sum);
            if (answer.status() >= 500) {
                serverErrors++;
                if (samples.size() < 20) {
                    samples.add(answer.status() + " " + answer.body() + " for " + request);
                }
            } else if (answer.status() >= 400 && !isProblem(answer)) {
                notProblems++;
                if (samples.size() < 20) {
                    samples.add("not a problem: " + answer.status() + " " + answer.contentType() + " "
                            + answer.body() + " for " + request);
                }
            }
        }
        return new Result(count, serverErrors, notProblems, byStatus, samples);
    }

    static boolean isProblem(Http.Answer answer) {
        if (!answer.contentType().startsWith("application/problem+json")) {
            return false;
        }
        try {
            var json = JSON.readTree(answer.body());
            return json.get("status") != null && json.get("status").asInt() == answer.status()
                    && json.get("title") != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The next hostile request. */
    Request next() {
        Operation op = operations.get(random.nextInt(operations.size()));
        String method = op.method();
        String contentType = "application/json";
        String accept = null;
        String token = dev.hpo.testsupport.TestTokens.ADMIN;
        boolean badPath = false;
        boolean badQuery = false;
        String body = op.bodySchema() == null ? null : JSON.writeValueAsString(valid(op.bodySchema(), 0));
        switch (random.nextInt(10)) {
            case 0 -> method = pick(METHODS);
            case 1 -> contentType = pick(CONTENT_TYPES);
            case 2 -> accept = pick(ACCEPTS);
            case 3 -> badPath = true;
            case 4 -> badQuery = true;
            case 5 -> token = random.nextBoolean() ? null : pick(List.of("", "hpo_nope", "x".repeat(600)));
            default -> body = op.bodySchema() != null || random.nextInt(4) == 0
                    ? brokenBody(op.bodySchema()) : body;
        }
        if (body == null && !method.equals("GET") && random.nextInt(3) == 0) {
            body = brokenBody(op.bodySchema());
        }
        StringBuilder path = new StringBuilder();
        for (String segment : op.path().substring(1).split("/")) {
            path.append('/');
            if (segment.startsWith("{")) {
                path.append(badPath && random.nextBoolean() ? pick(BAD_IDS)
                        : segment.equals("{queue}") ? pick(List.of("default", "q-fuzz", "a".repeat(300)))
                        : realIds.isEmpty() || random.nextInt(3) == 0 ? java.util.UUID.randomUUID().toString()
                        : pick(realIds));
            } else {
                path.append(segment);
            }
        }
        String query = query(op, badQuery);
        return new Request(method, path + query, body == null ? null : contentType, accept, body, token);
    }

    private String query(Operation op, boolean bad) {
        List<String> pairs = new ArrayList<>();
        for (Map<String, Object> parameter : op.parameters()) {
            boolean timeout = isTimeout((String) parameter.get("name"));
            if (!"query".equals(parameter.get("in")) || random.nextInt(3) == 0 && !bad && !timeout) {
                continue;
            }
            String name = (String) parameter.get("name");
            @SuppressWarnings("unchecked")
            Object value = bad ? pick(BAD_QUERY_VALUES) : isTimeout(name) ? SHORT_WAIT
                    : valid((Map<String, Object>) parameter.get("schema"), 0);
            pairs.add(name + "=" + (bad ? value : java.net.URLEncoder.encode(String.valueOf(value),
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (bad && random.nextBoolean()) {
            pairs.add(pick(List.of("%ff", "a%ff=b", "x=%ff%ff", "unknown=1", "=", "=x", "&&", "page=1&page=2")));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    /** A body for {@code schema} broken in one or a few ways, as JSON text (sometimes not even JSON). */
    private String brokenBody(Map<String, Object> schema) {
        switch (random.nextInt(6)) {
            case 0:
                return pick(List.of("", "{", "[", "{\"a\":", "nul", "{\"x\": NaN}", "{\"x\": Infinity}", "\u0000",
                        "{}{}", "[1,2,", "\"str\"", "123", "true", "[".repeat(5000), "{\"a\":".repeat(3000)));
            default:
                Object value = schema == null ? new LinkedHashMap<>() : valid(schema, 0);
                for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                    value = mutate(value, 0);
                }
                return JSON.writeValueAsString(value).replace("\"__RAW_NUMBER__", "").replace("__END__\"", "");
        }
    }

    /** A value that follows {@code schema} (roughly: the service may still refuse it, which is fine). */
    @SuppressWarnings("unchecked")
    private Object valid(Map<String, Object> schema, int depth) {
        if (schema == null || depth > 6) {
            return null;
        }
        if (schema.get("$ref") instanceof String ref) {
            return valid(schemas.get(ref.substring(ref.lastIndexOf('/') + 1)), depth + 1);
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(random.nextInt(values.size()));
        }
        String type = schema.get("type") instanceof String t ? t : "object";
        switch (type) {
            case "object": {
                Map<String, Object> object = new LinkedHashMap<>();
                if (schema.get("properties") instanceof Map<?, ?> properties) {
                    List<String> required = schema.get("required") instanceof List<?> r ? (List<String>) r : List.of();
                    ((Map<String, Map<String, Object>>) properties).forEach((name, property) -> {
                        if (isTimeout(name)) {
                            object.put(name, SHORT_WAIT);
                        } else if (required.contains(name) || random.nextBoolean()) {
                            object.put(name, valid(property, depth + 1));
                        }
                    });
                } else if (schema.get("additionalProperties") instanceof Map<?, ?> additional) {
                    object.put("General/lr", valid((Map<String, Object>) additional, depth + 1));
                }
                return object;
            }
            case "array": {
                List<Object> list = new ArrayList<>();
                for (int i = 0, n = random.nextInt(3); i < n; i++) {
                    list.add(valid((Map<String, Object>) schema.get("items"), depth + 1));
                }
                return list;
            }
            case "integer":
                return random.nextInt(10);
            case "number":
                return random.nextDouble() * 10;
            case "boolean":
                return random.nextBoolean();
            default:
                if ("uuid".equals(schema.get("format"))) {
                    return realIds.isEmpty() ? java.util.UUID.randomUUID().toString() : pick(realIds);
                }
                if ("date-time".equals(schema.get("format"))) {
                    return "2030-01-01T00:00:00Z";
                }
                return "v" + random.nextInt(100);
        }
    }

    /** One hostile change somewhere in {@code value}. */
    @SuppressWarnings("unchecked")
    private Object mutate(Object value, int depth) {
        if (value instanceof Map<?, ?> map && !map.isEmpty() && depth < 4 && random.nextInt(3) > 0) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
            List<String> keys = new ArrayList<>(copy.keySet());
            String key = keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(4)) {
                case 0 -> copy.remove(key);
                case 1 -> copy.put(pick(List.of("extra", "", "\u0000", "x".repeat(1000))), pick(STRINGS));
                default -> copy.put(key, mutate(copy.get(key), depth + 1));
            }
            return copy;
        }
        if (value instanceof List<?> list && !list.isEmpty() && depth < 4 && random.nextBoolean()) {
            List<Object> copy = new ArrayList<>(list);
            int i = random.nextInt(copy.size());
            copy.set(i, mutate(copy.get(i), depth + 1));
            return copy;
        }
        return switch (random.nextInt(8)) {
            case 0 -> pick(STRINGS);
            case 1 -> "__RAW_NUMBER__" + pick(NUMBERS) + "__END__";
            case 2 -> random.nextBoolean();
            case 3 -> null;
            case 4 -> List.of(pick(STRINGS), 1);
            case 5 -> Map.of("nested", pick(STRINGS));
            case 6 -> random.nextInt(2) == 0 ? Long.MAX_VALUE : Integer.MIN_VALUE;
            default -> bigArray();
        };
    }

    private List<Object> bigArray() {
        List<Object> list = new ArrayList<>();
        for (int i = 0, n = 200 + random.nextInt(2000); i < n; i++) {
            list.add(i % 3 == 0 ? "s" + i : i);
        }
        return list;
    }

    /** A long poll's wait, always given and always short: the fuzz run must not sit in waits. */
    private static final double SHORT_WAIT = 0.0005;

    private static boolean isTimeout(String name) {
        return name != null && name.toLowerCase(java.util.Locale.ROOT).contains("timeout");
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}

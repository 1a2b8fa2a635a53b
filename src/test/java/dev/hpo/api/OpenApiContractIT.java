package dev.hpo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.hpo.testsupport.ApiTestBase;
import dev.hpo.testsupport.Http;

/**
 * The running service and {@code api/openapi.yaml} describe the same contract: the same operations (path and
 * method), and for each its parameters, request body, response codes and their schemas, and the same schemas
 * with the same properties. Descriptions may be worded differently.
 *
 * <p>To regenerate the file after a deliberate change: {@code -Dit.test=OpenApiContractIT -Dopenapi.write=true}
 * (then review the diff).
 */
class OpenApiContractIT extends ApiTestBase {

    private static final Path FILE = Path.of("api/openapi.yaml");

    @Test
    void theRunningServiceAndTheContractFileAgree() throws IOException {
        Http.Answer docs = http.get("/v3/api-docs.yaml");
        assertThat(docs.status()).isEqualTo(200);
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, "# The contract of the HPO service. Checked against the running service by OpenApiContractIT.\n"
                    + docs.body());
        }
        Map<String, Object> running = load(docs.body());
        Map<String, Object> file = load(Files.readString(FILE));

        assertThat(shape(file).keySet()).as("operations in api/openapi.yaml vs the running service")
                .containsExactlyInAnyOrderElementsOf(shape(running).keySet());
        shape(running).forEach((operation, details) ->
                assertThat(shape(file).get(operation)).as(operation).isEqualTo(details));
        assertThat(schemas(file)).as("component schemas and their properties").isEqualTo(schemas(running));
        assertThat(http.get("/swagger-ui.html").status()).isIn(200, 302);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String yaml) {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    /** "METHOD path" to the parts that are contract: parameters, request body, responses with their schemas. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> shape(Map<String, Object> api) {
        Map<String, String> result = new TreeMap<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) api.get("paths");
        paths.forEach((path, methods) -> methods.forEach((method, op) -> {
            if (!(op instanceof Map)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) op;
            StringBuilder b = new StringBuilder();
            Object params = operation.get("parameters");
            if (params instanceof Iterable<?> list) {
                Set<String> names = new TreeSet<>();
                for (Object p : list) {
                    Map<String, Object> param = (Map<String, Object>) p;
                    names.add(param.get("in") + ":" + param.get("name") + (Boolean.TRUE.equals(param.get("required")) ? "!" : "")
                            + "=" + withoutDescriptions(param.get("schema")));
                }
                b.append("parameters ").append(names).append('\n');
            }
            if (operation.get("requestBody") != null) {
                Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                b.append("body required=").append(body.get("required")).append(' ')
                        .append(withoutDescriptions(body.get("content"))).append('\n');
            }
            Map<String, Object> responses = new TreeMap<>((Map<String, Object>) operation.get("responses"));
            responses.forEach((code, r) -> b.append(code).append(' ')
                    .append(withoutDescriptions(((Map<String, Object>) r).get("content"))).append('\n'));
            result.put(method.toUpperCase() + " " + path, b.toString());
        }));
        return result;
    }

    /** Schema name to its sorted property names and required list. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> schemas(Map<String, Object> api) {
        Map<String, String> result = new TreeMap<>();
        Map<String, Object> components = (Map<String, Object>) api.get("components");
        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>) components.get("schemas");
        schemas.forEach((name, schema) -> {
            Object properties = schema.get("properties");
            result.put(name, (properties instanceof Map<?, ?> m ? new TreeSet<>((Set<String>) m.keySet()) : "-")
                    + " required=" + schema.get("required"));
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private static String withoutDescriptions(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, String> copy = new TreeMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> {
                if (!k.equals("description") && !k.equals("example") && !k.equals("examples")) {
                    copy.put(k, withoutDescriptions(v));
                }
            });
            return copy.toString();
        }
        if (node instanceof Iterable<?> list) {
            StringBuilder b = new StringBuilder("[");
            list.forEach(v -> b.append(withoutDescriptions(v)).append(','));
            return b.append(']').toString();
        }
        return String.valueOf(node);
    }
}

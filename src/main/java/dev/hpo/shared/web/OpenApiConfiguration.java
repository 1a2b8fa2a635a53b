package dev.hpo.shared.web;


import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import tools.jackson.databind.JsonNode;

/**
 * The generated contract's common parts: the API's description, the RFC 9457 {@code Problem} schema, and the
 * error answers every operation can give (401 and 403 everywhere, 400 when it takes input, 413 when it takes a
 * body, 404 when it names a resource by id), the bearer token scheme, so
 * controllers only declare the answers that are particular to them (201, 204, 409, 422).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String BEARER = "bearerToken";

    @Bean
    OpenAPI hpoOpenApi() {
        return new OpenAPI().info(new Info().title("Hyper-parameter optimization service").version("v1")
                .description("Studies, strategies and workers over REST on PostgreSQL: everything ClearML's "
                        + "HyperParameterOptimizer does. Errors are RFC 9457 problem details: 400 malformed input "
                        + "(with errors[{field, message}]), 404 unknown id, 409 illegal transition or late worker call "
                        + "(with the entity's status), 413 body past the size limit, 422 well-formed input the service "
                        + "cannot use. Every endpoint needs 'Authorization: Bearer <token>' (401 without a valid one, "
                        + "403 when the token's role may not call it): viewer reads, user also changes studies and "
                        + "base experiments, worker runs the worker protocol, admin does everything including tokens.")
                .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API token: the bootstrap admin token, or one created with POST /api/v1/tokens")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                // relative, so the contract does not depend on the host or port it is served from
                .servers(List.of(new Server().url("/")));
    }

    @Bean
    OpenApiCustomizer problemSchema() {
        return openApi -> {
            Schema<?> error = new ObjectSchema().addProperty("field", new StringSchema())
                    .addProperty("message", new StringSchema());
            Schema<?> problem = new ObjectSchema().description("RFC 9457 problem detail")
                    .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                    .addProperty("instance", new StringSchema())
                    .addProperty("currentStatus", new StringSchema()
                            .description("409 on an illegal transition: the entity's current status"))
                    .addProperty("errors", new ArraySchema().items(error)
                            .description("400 and 422: each offending field"));
            openApi.getComponents().addSchemas(PROBLEM, problem);
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                    operation.getResponses().forEach((code, response) -> {
                        if (code.startsWith("4")) {
                            response.setContent(new Content().addMediaType(PROBLEM_JSON,
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
                        } else if (code.equals("204")) {
                            response.setContent(null);
                        } else if (response.getContent() != null && response.getContent().containsKey("*/*")) {
                            // every answer of this API is JSON
                            MediaType json = response.getContent().remove("*/*");
                            response.getContent().addMediaType("application/json", json);
                        }
                    })));
        };
    }

    static {
        // the study report is free-form JSON: show it as an object, not as Jackson's node class
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
    }

    @Bean
    OperationCustomizer standardErrors() {
        return (operation, handler) -> {
            // stable, unique operation ids (springdoc would number clashing method names in scan order)
            String controller = handler.getBeanType().getSimpleName().replace("Controller", "");
            String method = handler.getMethod().getName();
            operation.setOperationId(Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
                    + Character.toUpperCase(method.charAt(0)) + method.substring(1));
            ApiResponses responses = operation.getResponses();
            if (!responses.containsKey("401")) {
                responses.addApiResponse("401", new ApiResponse().description("No token, or an unknown or revoked one"));
            }
            if (!responses.containsKey("403")) {
                responses.addApiResponse("403", new ApiResponse().description("The token's role may not call this"));
            }
            boolean takesInput = operation.getRequestBody() != null
                    || (operation.getParameters() != null && !operation.getParameters().isEmpty());
            if (takesInput && !responses.containsKey("400")) {
                responses.addApiResponse("400", new ApiResponse().description("Malformed input"));
            }
            if (operation.getRequestBody() != null && !responses.containsKey("413")) {
                responses.addApiResponse("413", new ApiResponse().description(
                        "The body is larger than hpo.web.max-request-size (default 2MB)"));
            }
            boolean namesResource = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(p -> "path".equals(p.getIn()) && "id".equals(p.getName()));
            if (namesResource && !responses.containsKey("404")) {
                responses.addApiResponse("404", new ApiResponse().description("No such resource"));
            }
            return operation;
        };
    }

}

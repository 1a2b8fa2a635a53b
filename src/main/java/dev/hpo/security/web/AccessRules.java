package dev.hpo.security.web;

import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one place that says which role may call which endpoint. Rules are tried in order, the first match wins;
 * below them, under {@code /api/}: reads (GET, HEAD) need {@link Access#VIEWER} and everything else
 * {@link Access#USER}; any other path needs a token ({@link Access#VIEWER}).
 *
 * <p>A new endpoint that reads or changes studies needs nothing here. One that only admins or workers may call, or
 * that must be public, gets a line in {@link #RULES}.
 */
public final class AccessRules {

    private record Rule(String method, PathPattern pattern, Access access) {
        boolean matches(String requestMethod, PathContainer path) {
            return (method == null || method.equals(requestMethod)
                    || "HEAD".equals(requestMethod) && "GET".equals(method)) && pattern.matches(path);
        }
    }

    private static final PathPatternParser PARSER = new PathPatternParser();
    private static final String EXPERIMENT = "/api/v1/experiments/{id}";

    private static final List<Rule> RULES = List.of(
            // open: health for probes, the contract (public in the repository anyway), the dashboard's static files
            rule("GET", "/actuator/health/**", Access.PUBLIC),
            rule("GET", "/v3/api-docs/**", Access.PUBLIC),
            rule("GET", "/v3/api-docs.yaml", Access.PUBLIC),
            rule("GET", "/swagger-ui.html", Access.PUBLIC),
            rule("GET", "/swagger-ui/**", Access.PUBLIC),
            rule("GET", "/", Access.PUBLIC),
            rule("GET", "/index.html", Access.PUBLIC),
            rule("GET", "/favicon.ico", Access.PUBLIC),
            rule("GET", "/assets/**", Access.PUBLIC),
            rule("GET", "/webjars/**", Access.PUBLIC),
            rule("GET", "/dashboard/**", Access.PUBLIC),
            // admin only
            rule(null, "/actuator/**", Access.ADMIN),
            rule(null, "/api/v1/tokens/**", Access.ADMIN),
            // the worker protocol
            rule("POST", "/api/v1/queues/{queue}/lease", Access.WORKER),
            rule("POST", EXPERIMENT + "/heartbeat", Access.WORKER),
            rule("POST", EXPERIMENT + "/scalars", Access.WORKER),
            rule("POST", EXPERIMENT + "/complete", Access.WORKER),
            rule("POST", EXPERIMENT + "/fail", Access.WORKER),
            // what a worker may read about the experiment it holds
            rule("GET", EXPERIMENT, Access.HELD_EXPERIMENT),
            rule("GET", EXPERIMENT + "/output", Access.HELD_EXPERIMENT),
            // the default of the API: reading needs viewer, changing needs user
            rule("GET", "/api/**", Access.VIEWER),
            rule(null, "/api/**", Access.USER));

    private AccessRules() {
    }

    private static Rule rule(String method, String pattern, Access access) {
        return new Rule(method, PARSER.parse(pattern), access);
    }

    /** Who may call {@code method path} ({@code path} within the application, decoded). */
    public static Access accessFor(String method, String path) {
        PathContainer container = PathContainer.parsePath(path == null || path.isEmpty() ? "/" : path);
        for (Rule rule : RULES) {
            if (rule.matches(method, container)) {
                return rule.access();
            }
        }
        return Access.VIEWER;
    }

    /** The experiment id of a {@link Access#HELD_EXPERIMENT} path, or null. */
    public static String experimentIdOf(String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (String pattern : List.of(EXPERIMENT, EXPERIMENT + "/output")) {
            PathPattern.PathMatchInfo match = PARSER.parse(pattern).matchAndExtract(container);
            if (match != null) {
                return match.getUriVariables().get("id");
            }
        }
        return null;
    }
}

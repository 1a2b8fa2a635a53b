package dev.hpo.backend.process;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.hpo.backend.LaunchRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * How an experiment becomes a child process: the base experiment's argv, never a shell string, followed by one
 * {@code --name=value} argument per parameter in name order. A name is passed as it is, slashes included
 * ({@code --General/lr=0.1}); a string value is passed raw, any other value as JSON ({@code 0.1}, {@code 3},
 * {@code true}, {@code 1.0E-5}). The environment is the service's, minus its database settings, plus
 * {@code PYTHONUNBUFFERED=1}, plus the base experiment's extra variables, plus the {@code HPO_*} variables below
 * (which win over all).
 */
final class ProcessCommand {

    static final String PARAMETERS = "HPO_PARAMETERS";
    static final String EXPERIMENT_ID = "HPO_EXPERIMENT_ID";
    static final String STUDY_ID = "HPO_STUDY_ID";
    static final String API_URL = "HPO_API_URL";
    static final String MAX_ITERATION = "HPO_MAX_ITERATION";
    static final String TOKEN = "HPO_TOKEN";

    /** The service's own secrets stay out of the children's environment. */
    private static final List<String> WITHHELD_PREFIXES = List.of("DATABASE_", "SPRING_DATASOURCE_");

    private static final JsonMapper JSON = JsonMapper.shared();

    private ProcessCommand() {
    }

    /**
     * @throws IllegalArgumentException when the request has no command to run
     */
    static ProcessBuilder builder(LaunchRequest request, String apiUrl) {
        return builder(request, apiUrl, null);
    }

    /**
     * @param apiToken the worker token scripts send to {@code HPO_API_URL} ({@code HPO_TOKEN}); null: none
     * @throws IllegalArgumentException when the request has no command to run
     */
    static ProcessBuilder builder(LaunchRequest request, String apiUrl, String apiToken) {
        if (!runnable(request.command())) {
            throw new IllegalArgumentException("the base experiment has no command; the process backend needs one");
        }
        ProcessBuilder builder = new ProcessBuilder(argv(request.command(), request.parameters()));
        if (request.workingDirectory() != null && !request.workingDirectory().isBlank()) {
            builder.directory(new File(request.workingDirectory()));
        }
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> WITHHELD_PREFIXES.stream().anyMatch(name::startsWith));
        // stdout is a pipe: unbuffered Python reports each scalar line when printed, not at exit
        environment.put("PYTHONUNBUFFERED", "1");
        if (request.environment() != null) {
            environment.putAll(request.environment());
        }
        environment.put(PARAMETERS, JSON.writeValueAsString(sorted(request.parameters())));
        environment.put(EXPERIMENT_ID, request.experimentId().toString());
        environment.put(STUDY_ID, request.studyId().toString());
        if (apiUrl != null) {
            environment.put(API_URL, apiUrl);
        }
        if (apiToken != null) {
            environment.put(TOKEN, apiToken);
        } else {
            environment.remove(TOKEN);
        }
        if (request.maxIteration() != null) {
            environment.put(MAX_ITERATION, request.maxIteration().toString());
        } else {
            environment.remove(MAX_ITERATION);
        }
        // one stream keeps stdout and stderr in the order they were written, and needs one reader thread
        builder.redirectErrorStream(true);
        return builder;
    }

    /** Whether the argv names a program to run: not null, not empty, and its first element not blank. */
    static boolean runnable(List<String> command) {
        return command != null && !command.isEmpty() && command.get(0) != null && !command.get(0).isBlank();
    }

    static List<String> argv(List<String> command, Map<String, Object> parameters) {
        List<String> argv = new ArrayList<>(command);
        sorted(parameters).forEach((name, value) -> argv.add("--" + name + "=" + argumentValue(value)));
        return argv;
    }

    static String argumentValue(Object value) {
        return value instanceof String text ? text : JSON.writeValueAsString(value);
    }

    private static Map<String, Object> sorted(Map<String, Object> parameters) {
        return parameters == null ? Map.of() : new TreeMap<>(parameters);
    }
}

package dev.hpo.shared;

/**
 * The documented size limits of the API's input (README, "Limits"), in one place for the checks, the bean
 * validation annotations and so the OpenAPI contract. Each is generous for real use and small enough that one
 * request cannot make the service build a huge object graph, store a huge row, or hand a strategy a space it
 * would spend minutes on. Going past one is a 400 naming the field.
 */
public final class InputLimits {

    /** Characters in a parameter's name (a search-space parameter or a base-experiment parameter key). */
    public static final int MAX_NAME_LENGTH = 200;

    /**
     * Parameters one search space names (top-level parameters plus the distinct keys of its parameter sets), and
     * keys of a base experiment's parameter map.
     */
    public static final int MAX_PARAMETERS = 1_000;

    /** Values in one discrete parameter. */
    public static final int MAX_DISCRETE_VALUES = 10_000;

    /**
     * Combinations in one parameter set: hand-listed choices (ClearML's examples have a handful). Kept at 1,000
     * because a set checks its combinations for repeats pairwise (0.1 s for 1,000, 8 s for 10,000).
     */
    public static final int MAX_COMBINATIONS = 1_000;

    /** Entries in a strategy's or an early-stopping rule's settings. */
    public static final int MAX_SETTINGS = 100;

    private InputLimits() {
    }
}

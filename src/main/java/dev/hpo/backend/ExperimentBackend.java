package dev.hpo.backend;

import java.util.List;
import java.util.UUID;

/**
 * Runs a study's experiments somewhere. The study loop calls {@link #launch} after the transaction that created
 * the experiment has committed, and {@link #abort} after the one that ended it (limit, stop, pruning).
 * Implementations report progress through the same experiment service the HTTP workers use, so every backend
 * behaves alike for the loop.
 */
public interface ExperimentBackend {

    /** The API name chosen per study: {@code queue} or {@code process}. */
    String name();

    /** Whether this service instance may run it (the process backend is an operator's choice). */
    boolean enabled();

    /**
     * Whether its experiments wait in the study's execution queue for HTTP workers to lease them ({@code queue});
     * a backend that runs them itself ({@code process}) gets experiments without a queue, so no worker can take one.
     */
    default boolean usesQueue() {
        return false;
    }

    /**
     * What an operator does to enable it when {@link #enabled()} is false, starting with {@code ": "}, for the 422
     * that refuses a study choosing it; empty by default.
     */
    default String howToEnable() {
        return "";
    }

    /**
     * Checks, when a study chooses this backend, that it can run experiments of a base experiment with this
     * command (null when the base experiment has none), so that a study it could never run is refused at once
     * instead of failing every experiment. Throws {@link dev.hpo.shared.UnusableInputException} (422) naming the
     * offending field as the study API spells it ({@code baseExperiment.command}). The default accepts anything:
     * queue workers bring their own program.
     */
    default void validate(List<String> command) {
    }

    /** Starts running a QUEUED experiment; must not block the caller for long. */
    void launch(LaunchRequest request);

    /** Stops a running experiment that was already ended in the database; idempotent. */
    void abort(UUID experimentId);
}

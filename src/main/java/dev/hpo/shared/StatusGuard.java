package dev.hpo.shared;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL form of a lifecycle transition's allowed starting statuses, shared by the study and experiment transition
 * tables so that the loop's guarded writes and the entities check the same set.
 */
public final class StatusGuard {

    private StatusGuard() {
    }

    /** {@code status IN ('A', 'B')} for the given statuses, in their enum order; the names are enum constants. */
    public static String statusIn(Set<? extends Enum<?>> statuses) {
        return statuses.stream().sorted((a, b) -> Integer.compare(a.ordinal(), b.ordinal()))
                .map(status -> "'" + status.name() + "'")
                .collect(Collectors.joining(", ", "status IN (", ")"));
    }
}

package dev.hpo.space;

/**
 * Integers {@code min + i * step} that do not pass {@code max}; {@code includeMax} says whether {@code max}
 * itself may be produced. Values are {@link Long}.
 */
public record IntegerRange(String name, long min, long max, long step, boolean includeMax) implements Parameter {
}

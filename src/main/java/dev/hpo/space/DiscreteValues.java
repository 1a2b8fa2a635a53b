package dev.hpo.space;

import java.util.List;

/** A categorical choice among {@code values}: strings, numbers ({@link Long} or {@link Double}) or booleans. */
public record DiscreteValues(String name, List<Object> values) implements Parameter {
}

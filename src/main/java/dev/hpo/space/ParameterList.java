package dev.hpo.space;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The unmodifiable parameter list of a {@link SearchSpace}, which also carries the space's {@link PointKeys}.
 * A record cannot hold a private cache, so the list does: built on first use, then shared by every call on the
 * space. Equality and hash code are those of any list, so spaces still compare by their parameters.
 */
final class ParameterList extends AbstractList<Parameter> implements RandomAccess {

    private final Parameter[] parameters;
    /** Built lazily; two threads racing build equal instances and either may win, which is harmless. */
    private volatile PointKeys keys;

    ParameterList(List<Parameter> parameters) {
        this.parameters = parameters.toArray(new Parameter[0]);
    }

    @Override
    public Parameter get(int index) {
        return parameters[index];
    }

    @Override
    public int size() {
        return parameters.length;
    }

    PointKeys keys() {
        PointKeys built = keys;
        if (built == null) {
            built = new PointKeys(this);
            keys = built;
        }
        return built;
    }
}

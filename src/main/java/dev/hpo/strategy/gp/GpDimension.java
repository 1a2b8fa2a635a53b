package dev.hpo.strategy.gp;

/**
 * One coordinate of the model's input.
 *
 * @param name  the parameter it encodes
 * @param kind  how the kernel measures distances along it
 * @param cells number of values for a lattice or categorical coordinate; 0 for a continuous one
 */
record GpDimension(String name, Kind kind, int cells) {

    /** How a coordinate is compared. */
    enum Kind {
        /** A point of [0, 1]; any value. */
        CONTINUOUS,
        /** A point of [0, 1] snapped to the centre of one of {@code cells} equal cells: integers, steps, ordered numbers. */
        LATTICE,
        /** An index 0..cells-1 compared only for equality (Hamming distance in the kernel). */
        CATEGORICAL
    }

    /** The nearest value this coordinate can hold: the cell centre, or the category index; continuous unchanged. */
    double snap(double x) {
        return switch (kind) {
            case CONTINUOUS -> Math.min(1, Math.max(0, x));
            case LATTICE -> (cell(x) + 0.5) / cells;
            case CATEGORICAL -> Math.min(cells - 1, Math.max(0, Math.round(x)));
        };
    }

    /** The cell (lattice) holding {@code x}. */
    int cell(double x) {
        return (int) Math.min(cells - 1, Math.max(0, Math.floor(x * cells)));
    }

    boolean categorical() {
        return kind == Kind.CATEGORICAL;
    }
}

package dev.hpo.objective;

/**
 * How an objective's metric is turned into the value an experiment is ranked by, exactly as the seed says:
 * {@code min}/{@code max} rank by the last reported value, {@code min_global}/{@code max_global} by the
 * minimum/maximum of all reported values.
 */
public enum Sign {
    MIN("min"), MAX("max"), MIN_GLOBAL("min_global"), MAX_GLOBAL("max_global");

    private final String json;

    Sign(String json) {
        this.json = json;
    }

    /** The lower-case name used in the API. */
    public String json() {
        return json;
    }

    /** True when smaller values are better. */
    public boolean minimizes() {
        return this == MIN || this == MIN_GLOBAL;
    }

    /** True when the value is the extremum over all reports rather than the last report. */
    public boolean global() {
        return this == MIN_GLOBAL || this == MAX_GLOBAL;
    }

    /** Parses the API name; throws {@link IllegalArgumentException} naming the accepted values. */
    public static Sign fromJson(String value) {
        for (Sign sign : values()) {
            if (sign.json.equals(value)) {
                return sign;
            }
        }
        throw new IllegalArgumentException("sign must be one of min, max, min_global, max_global, not '" + value + "'");
    }
}

package dev.hpo.space;

import java.util.List;
import java.util.Map;

/**
 * The {@code log_uniform} trap: its {@code min} and {@code max} are exponents of {@code base} (ClearML's meaning),
 * but users coming from Optuna or scikit-optimize write the values themselves. {@code min: 0.0001, max: 0.1}
 * would then sample values between 10^0.0001 and 10^0.1, about 1.0 to 1.26, and the study would run for nothing.
 *
 * <p>{@link #check} refuses, for a new study, a {@code log_uniform} whose exponents look like values: both
 * strictly between 0 and 1 with no explicit {@code base}. Refused rather than warned about, because a warning in
 * the 201 answer is lost on anyone who keeps only the id, and the study would burn its budget. Exponents in (0, 1)
 * are rarely meant (values between 1 and 10 on a log scale); whoever means them writes {@code "base": 10}, which
 * is read as "I know these are exponents" (a stored space always has its base written out, so it never trips).
 */
public final class ExponentsLikeValues {

    private ExponentsLikeValues() {
    }

    /**
     * Throws {@link InvalidSpaceException} naming {@code parameters[i].min} (or the nested path in a parameter set)
     * when a {@code log_uniform} of the space's JSON looks like it was given values. Call after
     * {@link SpaceCodec#fromJson} accepted the same JSON.
     */
    public static void check(Object json) {
        if (!(json instanceof List<?> list)) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String path = "parameters[" + i + "]";
            if (list.get(i) instanceof Map<?, ?> parameter) {
                checkOne(path, parameter);
                if ("parameter_set".equals(parameter.get("type")) && parameter.get("combinations") instanceof List<?> combinations) {
                    for (int c = 0; c < combinations.size(); c++) {
                        if (combinations.get(c) instanceof Map<?, ?> combination) {
                            for (Map.Entry<?, ?> entry : combination.entrySet()) {
                                if (entry.getValue() instanceof Map<?, ?> nested) {
                                    checkOne(path + ".combinations[" + c + "]." + entry.getKey(), nested);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static void checkOne(String path, Map<?, ?> parameter) {
        if (!"log_uniform".equals(parameter.get("type")) || parameter.containsKey("base")
                || !(parameter.get("min") instanceof Number min) || !(parameter.get("max") instanceof Number max)) {
            return;
        }
        double low = min.doubleValue();
        double high = max.doubleValue();
        if (low > 0 && low < 1 && high > 0 && high < 1) {
            throw new InvalidSpaceException(path + ".min: log_uniform takes exponents of base 10, not values: min "
                    + min + " and max " + max + " would sample 10^" + min + " to 10^" + max + " (about "
                    + round(Math.pow(10, low)) + " to " + round(Math.pow(10, high)) + "). For values from " + min
                    + " to " + max + " write \"min\": " + round(Math.log10(low)) + ", \"max\": " + round(Math.log10(high))
                    + "; to mean these exponents, give \"base\": 10 explicitly");
        }
    }

    private static String round(double value) {
        return String.valueOf(Math.round(value * 1000) / 1000.0);
    }
}

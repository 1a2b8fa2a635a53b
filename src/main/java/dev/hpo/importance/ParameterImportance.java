package dev.hpo.importance;

/** How much one parameter matters, as a share of all parameters' importance (the shares sum to 1). */
public record ParameterImportance(String parameter, double importance) {
}

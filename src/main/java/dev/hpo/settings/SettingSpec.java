package dev.hpo.settings;

/**
 * One documented setting of a strategy or early-stopping rule.
 *
 * @param name         the key in {@code settings}
 * @param type         {@code integer}, {@code number}, {@code boolean} or {@code string}
 * @param defaultValue the value used when absent (null: none)
 * @param description  what it does and its valid range
 */
public record SettingSpec(String name, String type, Object defaultValue, String description) {
}

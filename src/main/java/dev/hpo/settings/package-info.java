/**
 * Documented, validated settings maps of strategies and early-stopping rules: {@link dev.hpo.settings.SettingSpec},
 * {@link dev.hpo.settings.Settings} and the {@link dev.hpo.settings.InvalidStrategyException} (422) they throw.
 * Plain Java, shared by {@code strategy} and {@code stopping}.
 */
package dev.hpo.settings;

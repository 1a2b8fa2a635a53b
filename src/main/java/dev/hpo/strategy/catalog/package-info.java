/**
 * The strategies the service offers, by API name: the one place that knows every algorithm sub-package, so the
 * strategy contract ({@code dev.hpo.strategy}) does not depend on its implementations.
 */
package dev.hpo.strategy.catalog;

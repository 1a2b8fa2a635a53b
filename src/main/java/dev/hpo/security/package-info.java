/**
 * Authentication and roles: bearer API tokens (stored as hashes), the bootstrap admin token, and
 * {@link dev.hpo.security.web.AccessRules}, the one place that maps endpoints to roles.
 */
package dev.hpo.security;

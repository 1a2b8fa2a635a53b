/** The HTTP side of authentication: the filter chain, bearer tokens, problem answers, the token endpoints. */
package dev.hpo.security.web;

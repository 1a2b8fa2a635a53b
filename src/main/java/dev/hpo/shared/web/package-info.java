/** The API's cross-cutting web pieces: problem details and strict JSON. */
package dev.hpo.shared.web;

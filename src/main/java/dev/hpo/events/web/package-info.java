/** The server-sent events endpoint of a study's event stream. */
package dev.hpo.events.web;

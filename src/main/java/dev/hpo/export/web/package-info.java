/** The export endpoint: format negotiation and the streamed response. */
package dev.hpo.export.web;

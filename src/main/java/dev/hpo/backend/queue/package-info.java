/** The {@code queue} backend: experiments wait in a named queue for HTTP workers. */
package dev.hpo.backend.queue;

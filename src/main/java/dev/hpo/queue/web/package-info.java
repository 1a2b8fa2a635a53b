/** HTTP endpoints of the worker protocol. */
package dev.hpo.queue.web;

/** HTTP access to what the process backend keeps of its processes: their output. */
package dev.hpo.backend.process.web;

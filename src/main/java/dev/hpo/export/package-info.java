/** A study's experiments as CSV or JSON, read from the database in a stream (constant memory per export). */
package dev.hpo.export;

/** Cross-cutting pieces: problem-detail error handling, JSON, clock, the development database. */
package dev.hpo.shared;

package dev.hpo.backend.process;

/** One scalar point a child process printed as an {@code hpo:scalar} line. */
public record ReportedScalar(String title, String series, long iteration, double value) {
}

package dev.hpo.loop;

/** What the loop needs of a study's base experiment to name, place and launch its experiments (JSON as text). */
record BaseExperimentRow(String name, String project, String parameters, String command, String workingDirectory,
                         String environment) {
}

package dev.hpo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hpo.study.StudyLog;
import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.TestDatabase;

/**
 * A study leaves a compact account in the service log: one INFO line when it starts, one per ended experiment
 * (number, status, stop reason, objective) and one when it ends (status, reason, best experiment and value).
 */
class StudyLogIT {

    private static final Pattern EXPERIMENT = Pattern.compile(
            "study=(\\S+) experiment=(\\d+) status=(\\S+) reason=(\\S+) objective=(\\S+)");
    private static final Pattern ENDED = Pattern.compile(
            "study=(\\S+) ended status=(\\S+) reason=(\\S+) experiments=(\\d+) best=(\\d+) objective=(\\S+)");

    private static TestApp app;

    @BeforeAll
    static void startService() {
        app = TestApp.start(TestDatabase.newDatabase(), "logging.level.dev.hpo.study.StudyLog=INFO");
    }

    @AfterAll
    static void stopService() {
        app.close();
    }

    @Test
    void aFortyExperimentStudyLogsItsStartEachEndedExperimentAndItsEnd() {
        // attached after the service started: Spring Boot resets the logging configuration when it starts
        Logger logger = (Logger) LoggerFactory.getLogger(StudyLog.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            String queue = "q-log";
            Map<String, Object> definition = Studies.quadratic(app.http.createBaseExperiment(queue), queue, "random", 5);
            definition.put("totalMaxJobs", 40);
            definition.put("maxConcurrentExperiments", 4);
            String study = app.createStudy(definition);
            try (Workers running = new Workers(app.http, queue, 4, Studies.quadraticJob(3, 0))) {
                app.start(study, null);
                await().atMost(Duration.ofSeconds(120)).until(() -> "COMPLETED".equals(Studies.status(app.jdbc(), study)));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> ofStudy(lines, study).stream().anyMatch(l -> l.contains(" ended ")));

            List<String> mine = ofStudy(lines, study);
            assertThat(mine.get(0)).isEqualTo("study=" + study
                    + " started name=loop-random-q-log strategy=random earlyStopping=none backend=queue totalMaxJobs=40");
            TreeSet<Integer> numbers = new TreeSet<>();
            double bestLogged = Double.POSITIVE_INFINITY;
            for (String line : mine.subList(1, mine.size() - 1)) {
                Matcher m = EXPERIMENT.matcher(line);
                assertThat(m.matches()).as(line).isTrue();
                assertThat(numbers.add(Integer.parseInt(m.group(2)))).as("one line per experiment: " + line).isTrue();
                assertThat(m.group(3) + "/" + m.group(4)).isEqualTo("COMPLETED/-");
                bestLogged = Math.min(bestLogged, Double.parseDouble(m.group(5)));
            }
            assertThat(numbers).hasSize(40).first().isEqualTo(0);
            assertThat(numbers.last()).isEqualTo(39);
            Matcher end = ENDED.matcher(mine.get(mine.size() - 1));
            assertThat(end.matches()).as(mine.get(mine.size() - 1)).isTrue();
            assertThat(end.group(2) + "/" + end.group(3) + "/" + end.group(4)).isEqualTo("COMPLETED/job_budget/40");
            assertThat(Double.parseDouble(end.group(6))).isEqualTo(bestLogged);
            assertThat(lines.list).filteredOn(e -> e.getFormattedMessage().contains(study))
                    .allSatisfy(e -> assertThat(e.getLevel().toString()).isEqualTo("INFO"));
        } finally {
            logger.detachAppender(lines);
        }
    }

    private static List<String> ofStudy(ListAppender<ILoggingEvent> lines, String study) {
        synchronized (lines) { // the lock AppenderBase appends under
            return lines.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(line -> line.startsWith("study=" + study + " ")).toList();
        }
    }
}

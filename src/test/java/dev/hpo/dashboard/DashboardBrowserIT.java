package dev.hpo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.TestApp;
import dev.hpo.loop.Studies;
import dev.hpo.loop.Workers;
import dev.hpo.testsupport.TestDatabase;
import dev.hpo.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a real headless Chromium against the whole service on a random port, while HTTP workers drive
 * a study: the pages must follow the study live through the event stream. Screenshots of each page land in
 * {@code target/screenshots/}.
 */
class DashboardBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String QUEUE = "q-dashboard";

    private static TestApp app;
    private static Browser browser;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestDatabase.newDatabase());
        browser = new Browser(1400, 1100);
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            app.close();
        }
    }

    /** A random study over continuous x, y with successive halving on rungs 1 and 3 below 9 iterations. */
    private static Map<String, Object> prunedStudy(String base) {
        Map<String, Object> definition = Studies.quadratic(base, QUEUE, "random", 11);
        definition.put("name", "dashboard-live");
        definition.put("parameters", List.of(
                Map.of("type", "uniform", "name", "x", "min", -1.0, "max", 1.0),
                Map.of("type", "uniform", "name", "y", "min", -1.0, "max", 1.0)));
        definition.put("earlyStopping", Map.of("rule", "asha", "settings", Map.of("reductionFactor", 3)));
        definition.put("minIterationPerJob", 1);
        definition.put("maxIterationPerJob", 9);
        definition.put("maxConcurrentExperiments", 3);
        definition.put("totalMaxJobs", 2000);
        return definition;
    }

    private static double curve(JsonNode parameters, long iteration) {
        return Studies.quadraticLoss(parameters) + 1.5 / iteration;
    }

    private String url(String route) {
        return "http://localhost:" + app.port + "/#" + route + "&token=" + TestTokens.ADMIN;
    }

    private long plot(String attribute) {
        return browser.number("document.getElementById('plot').dataset." + attribute);
    }

    private String plotName() {
        return String.valueOf(browser.js("return document.getElementById('plot')?.dataset.plot || ''"));
    }

    private void showTab(String tab) {
        browser.js("document.querySelector('#plots .tabs button[data-tab=\"' + arguments[0] + '\"]').click()", tab);
        browser.until(WAIT, "plot " + tab + " drawn", b -> tab.equals(plotName()));
    }

    @Test
    void followsAStudyLiveFromTheListToAnExperimentAndStopsIt() {
        String base = app.http.createBaseExperiment("dashboard");
        String study = app.createStudy(prunedStudy(base));
        // about 1 s per experiment: the intermediate plot's "all curves loaded" needs moments with no fetch in flight,
        // and with the faster loop 3 workers at 40 ms per iteration ended experiments faster than it went idle
        Workers.Job job = Workers.Job.learningCurve(Studies.TITLE, Studies.SERIES, 9, 120_000_000L, DashboardBrowserIT::curve);
        try (Workers workers = new Workers(app.http, QUEUE, 3, job)) {
            app.start(study, null);
            await().atMost(WAIT).until(() -> Studies.count(app.jdbc(), study) >= 3);

            // the studies list names the study with its status and links to it
            browser.open(url("/"));
            browser.until(WAIT, "the study in the list",
                    b -> b.js("return document.querySelector('a.study-link')?.textContent || null"));
            assertThat(browser.find("#studies tbody").getText()).contains("dashboard-live", "RUNNING", "random");
            browser.screenshot("01-studies");
            browser.js("document.querySelector('a.study-link').click()");

            // the study page loads its experiments, then follows the event stream
            browser.until(WAIT, "study page loaded", b -> Boolean.TRUE.equals(b.js("return hpoDashboard.study?.loaded === true")));
            browser.until(WAIT, "history drawn", b -> "history".equals(plotName()));
            browser.until(WAIT, "event stream open", b -> "open".equals(b.js("return hpoDashboard.stream.state")));
            long before = plot("points");
            browser.until(WAIT, "history gains points as experiments end", b -> plot("points") >= before + 3);
            assertThat(browser.number("hpoDashboard.stream.byType.experiment_ended")).isPositive();
            // no reload happened: the page saw the new points through events, not a new study list
            assertThat(browser.number("performance.getEntriesByType('navigation').length")).isEqualTo(1);

            // a pruned experiment is marked in the history plot
            browser.until(WAIT, "a pruned experiment in the history", b -> plot("pruned") >= 1);
            assertThat(plot("completed")).isPositive();
            browser.screenshot("02-study-history");

            showTab("parallel");
            browser.until(WAIT, "parallel coordinates lines", b -> plot("lines") >= 3);
            assertThat(plot("axes")).isEqualTo(3); // x, y and the objective
            browser.screenshot("03-study-parallel");

            showTab("importance");
            browser.until(WAIT, "importance bars", b -> plot("bars") >= 2);
            browser.screenshot("04-study-importance");

            showTab("slice");
            browser.until(WAIT, "slice points", b -> plot("points") >= 3);
            browser.screenshot("05-study-slice");

            showTab("contour");
            browser.until(WAIT, "contour cells", b -> plot("cells") >= 3);
            browser.screenshot("06-study-contour");

            showTab("intermediate");
            browser.until(WAIT, "learning curves with a pruned one, all loaded",
                    b -> plot("curves") >= 3 && plot("pruned") >= 1 && plot("loading") == 0);
            browser.screenshot("07-study-intermediate");

            // an experiment that ran to its end: its page draws the curve of every metric it reported
            browser.until(WAIT, "a completed experiment in the table",
                    b -> b.js("return document.querySelector('#experiment-table tr[data-status=COMPLETED] a.experiment-link')?.href || null"));
            browser.js("document.querySelector('#experiment-table tr[data-status=COMPLETED] a.experiment-link').click()");
            browser.until(WAIT, "the experiment's metric chart",
                    b -> b.number("document.querySelector('[data-metric]')?.dataset.points") >= 9);
            assertThat(browser.find("#experiment-header").getText()).contains("COMPLETED");
            assertThat(browser.find("#parameters").getText()).contains("x", "y");
            browser.screenshot("08-experiment");

            // back on the study page, Stop stops the study; the page shows it through the event stream
            browser.js("document.getElementById('study-link').click()");
            browser.until(WAIT, "study page loaded again",
                    b -> Boolean.TRUE.equals(b.js("return hpoDashboard.study?.loaded === true && !!document.getElementById('stop-study')")));
            browser.js("document.getElementById('stop-study').click()");
            await().atMost(WAIT).until(() -> List.of("STOPPING", "STOPPED").contains(Studies.status(app.jdbc(), study)));
            browser.until(WAIT, "the page shows the study stopped",
                    b -> "STOPPED".equals(b.js("return hpoDashboard.study.status")));
            assertThat(browser.find("#study-header").getText()).contains("STOPPED");
            assertThat(browser.js("return document.getElementById('stop-study')")).isNull();
            browser.screenshot("09-study-stopped");
            assertThat(workers.errors).hasValue(0);
        }
    }

    @Test
    void abortsAQueuedExperimentFromItsPageAndTheTableOffersAbortOnlyForActiveOnes() {
        // given a running study whose queue no worker serves: its first experiment waits QUEUED
        String base = app.http.createBaseExperiment("dashboard-abort");
        Map<String, Object> definition = Studies.quadratic(base, "q-dashboard-abort", "random", 3);
        definition.put("name", "dashboard-abort");
        definition.put("maxConcurrentExperiments", 1);
        String study = app.createStudy(definition);
        app.start(study, null);
        await().atMost(WAIT).until(() -> Studies.count(app.jdbc(), study) >= 1);
        String first = app.jdbc().queryForObject(
                "SELECT id::text FROM experiment WHERE study_id = ?::uuid AND number = 0", String.class, study);

        browser.open(url("/studies/" + study));
        browser.until(WAIT, "the table lists the queued experiment with an Abort button",
                b -> b.js("return document.querySelector('#experiment-table tr[data-status=QUEUED] button.abort')"));
        browser.open(url("/experiments/" + first));
        browser.until(WAIT, "the experiment page with Abort", b -> b.js("return document.getElementById('abort-experiment')"));
        assertThat(browser.find("#experiment-header").getText()).contains("QUEUED");

        browser.js("document.getElementById('abort-experiment').click()");

        browser.until(WAIT, "the page shows it aborted by the user",
                b -> "stopped_by_user".equals(b.js("return document.getElementById('stop-reason')?.textContent || null")));
        assertThat(Studies.outcomes(app.jdbc(), study).get(0)).isEqualTo("ABORTED/stopped_by_user");
        assertThat(browser.find("#experiment-header").getText()).contains("ABORTED");
        assertThat(browser.js("return document.getElementById('abort-experiment')")).isNull();
        browser.screenshot("10-experiment-aborted");
        app.stop(study);
    }

    @Test
    void theEventStreamParserReadsEventsCutAnywhereIntoChunks() {
        browser.open("http://localhost:" + app.port + "/#/");
        // the page's own parser (assets/js/events.js), fed one stream cut into chunks of 1, 2, 3 and 7 characters:
        // cuts fall inside fields, between the CR and LF of a line end, inside a multi-line data field
        Object parsed = browser.asyncJs("""
                const done = arguments[arguments.length - 1];
                import('/assets/js/events.js').then(({SseParser}) => {
                  const stream = ': a comment\\r\\nid: 1\\r\\nevent: experiment_ended\\r\\ndata: {"number":\\r\\ndata: 3}\\r\\n\\r\\n'
                    + 'retry: 2500\\nid: 2\\ndata:plain\\n\\n'
                    + 'event: no-data-no-event\\n\\n'
                    + 'id: 3\\revent: study_changed\\rdata: x\\r\\r';
                  const answers = [];
                  for (const size of [1, 2, 3, 7]) {
                    const events = [];
                    let retry = null;
                    const parser = new SseParser(e => events.push(e), ms => { retry = ms; });
                    for (let i = 0; i < stream.length; i += size) parser.feed(stream.slice(i, i + size));
                    answers.push(JSON.stringify({events, retry}));
                  }
                  done(answers);
                }, e => done(['error ' + e]));""");
        String expected = "{\"events\":["
                + "{\"id\":\"1\",\"event\":\"experiment_ended\",\"data\":\"{\\\"number\\\":\\n3}\"},"
                + "{\"id\":\"2\",\"event\":\"message\",\"data\":\"plain\"},"
                + "{\"id\":\"3\",\"event\":\"study_changed\",\"data\":\"x\"}],\"retry\":2500}";
        assertThat((List<?>) parsed).hasSize(4).allSatisfy(answer -> assertThat(answer).isEqualTo(expected));
    }
}

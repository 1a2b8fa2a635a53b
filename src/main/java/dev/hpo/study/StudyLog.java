package dev.hpo.study;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.StringJoiner;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service log's account of a study, at INFO on the logger {@code dev.hpo.study.StudyLog}: one line when it
 * starts, one per ended experiment, one when it ends. Lines are {@code key=value} pairs, so
 * {@code grep 'study=<id>'} follows one study and {@code grep 'status=ABORTED reason=pruned'} finds the pruned:
 *
 * <pre>
 * study=7f3e... started name=lr-search strategy=tpe earlyStopping=median backend=queue totalMaxJobs=40
 * study=7f3e... experiment=12 status=COMPLETED reason=- objective=0.263164
 * study=7f3e... experiment=13 status=ABORTED reason=pruned objective=1.49595
 * study=7f3e... ended status=COMPLETED reason=job_budget experiments=40 best=23 objective=0.263164
 * </pre>
 *
 * Objective values have six significant digits, several objectives are separated by commas, and a missing value
 * is {@code -}.
 */
public final class StudyLog {

    private static final Logger log = LoggerFactory.getLogger(StudyLog.class);

    private StudyLog() {
    }

    /** A study was started. */
    public static void started(UUID study, String name, String strategy, String earlyStopping, String backend,
                               Integer totalMaxJobs) {
        log.info("study={} started name={} strategy={} earlyStopping={} backend={} totalMaxJobs={}", study,
                word(name), strategy, earlyStopping == null ? "none" : earlyStopping, backend,
                totalMaxJobs == null ? "none" : totalMaxJobs);
    }

    /** An experiment ended: its number, status, stop reason (null: none) and objective values (null: none). */
    public static void experimentEnded(UUID study, int number, String status, String stopReason, double[] objectives) {
        log.info("study={} experiment={} status={} reason={} objective={}", study, number, status,
                stopReason == null ? "-" : stopReason, values(objectives));
    }

    /** A study ended, with its best experiment's number and objective values (null when none ranks). */
    public static void ended(UUID study, String status, String reason, int experiments, Integer bestNumber,
                             double[] bestObjectives) {
        log.info("study={} ended status={} reason={} experiments={} best={} objective={}", study, status,
                reason == null ? "-" : word(reason), experiments, bestNumber == null ? "-" : bestNumber,
                values(bestObjectives));
    }

    static String values(double[] values) {
        if (values == null || values.length == 0) {
            return "-";
        }
        StringJoiner joined = new StringJoiner(",");
        for (double value : values) {
            joined.add(Double.isFinite(value)
                    ? new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toString()
                    : Double.isNaN(value) ? "-" : String.valueOf(value));
        }
        return joined.toString();
    }

    /** A free-text value as one greppable word: blanks become underscores, long texts are cut. */
    static String word(String text) {
        String oneWord = text.strip().replaceAll("\\s+", "_");
        return oneWord.length() <= 80 ? oneWord : oneWord.substring(0, 77) + "...";
    }
}

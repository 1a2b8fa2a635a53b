package dev.hpo.backend.process;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.hpo.shared.NotFoundException;

/**
 * The {@code experiment.output_tail} column (migration V4): the process backend's own column, written with plain
 * SQL so the experiment entity, which does not map it, never overwrites it.
 */
@Repository
class ProcessOutputStore {

    private final JdbcTemplate jdbc;

    ProcessOutputStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void save(UUID experimentId, String outputTail) {
        jdbc.update("UPDATE experiment SET output_tail = ? WHERE id = ?", outputTail, experimentId);
    }

    /**
     * The stored tail; empty when none was stored (not run by this backend, or still running).
     *
     * @throws NotFoundException when there is no such experiment
     */
    Optional<String> find(UUID experimentId) {
        List<Optional<String>> rows = jdbc.query("SELECT output_tail FROM experiment WHERE id = ?",
                (rs, n) -> Optional.ofNullable(rs.getString(1)), experimentId);
        if (rows.isEmpty()) {
            throw NotFoundException.of("experiment", experimentId);
        }
        return rows.get(0);
    }
}

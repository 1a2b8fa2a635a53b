package dev.hpo.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code study_event} table: numbering committed events, reading a study's events after a seq, pruning. */
@Repository
public class StudyEventStore {

    /** Key of the advisory lock that makes the sequencer run on one replica at a time. */
    private static final long SEQUENCER_LOCK = 0x68706f5f65767473L;

    private final JdbcTemplate jdbc;

    StudyEventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Gives the committed events that have none a seq, in write order, after the largest seq given so far.
     * Skipped (0) while another replica's sequencer runs: it numbers them.
     *
     * @return the events numbered now, in seq order (their type and the fields metrics read, not all data)
     */
    @Transactional
    public List<NumberedEvent> sequence(int limit) {
        Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, SEQUENCER_LOCK);
        if (!Boolean.TRUE.equals(locked)) {
            return List.of();
        }
        List<NumberedEvent> numbered = jdbc.query("""
                with todo as (select id from study_event where seq is null order by id limit ?),
                     top as (select coalesce(max(seq), 0) as seq from study_event),
                     numbered as (select todo.id, top.seq + row_number() over (order by todo.id) as seq
                                  from todo cross join top)
                update study_event e set seq = numbered.seq from numbered where e.id = numbered.id
                returning e.seq, e.study_id, e.type, e.data ->> 'status', e.data ->> 'stopReason', e.created_at""",
                (rs, i) -> new NumberedEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()), limit);
        numbered.sort(java.util.Comparator.comparingLong(NumberedEvent::seq));
        return numbered;
    }

    /** A study's numbered events with a seq above {@code afterSeq}, in seq order, at most {@code limit}. */
    public List<StudyEvent> after(UUID studyId, long afterSeq, int limit) {
        return jdbc.query("""
                select seq, study_id, type, data::text from study_event
                where study_id = ? and seq is not null and seq > ? order by seq limit ?""",
                (rs, i) -> new StudyEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)),
                studyId, afterSeq, limit);
    }

    /** The largest seq of a study's events, 0 when it has none yet. */
    public long lastSeq(UUID studyId) {
        Long last = jdbc.queryForObject(
                "select coalesce(max(seq), 0) from study_event where study_id = ? and seq is not null", Long.class,
                studyId);
        return last == null ? 0 : last;
    }

    /** Whether the study exists. */
    public boolean studyExists(UUID studyId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from study where id = ?)",
                Boolean.class, studyId));
    }

    /** Deletes {@code experiment_reported} events written before {@code before}; returns how many. */
    public int pruneReported(Instant before) {
        return jdbc.update("delete from study_event where type = 'experiment_reported' and created_at < ?",
                Timestamp.from(before));
    }
}

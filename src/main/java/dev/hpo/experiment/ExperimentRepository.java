package dev.hpo.experiment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.LockModeType;

/** Experiments by study, by queue and by state. */
public interface ExperimentRepository extends JpaRepository<Experiment, UUID> {

    /** Every experiment of a study in creation order: the history a strategy reads. */
    List<Experiment> findByStudyIdOrderByNumber(UUID studyId);

    List<Experiment> findByStudyIdAndStatusInOrderByNumber(UUID studyId, Collection<ExperimentStatus> statuses);

    long countByStudyIdAndStatusIn(UUID studyId, Collection<ExperimentStatus> statuses);

    long countByStudyId(UUID studyId);

    /** Reads the experiment and locks its row until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Experiment e where e.id = :id")
    Optional<Experiment> findForUpdate(@Param("id") UUID id);

    /**
     * Extends the worker lease of a RUNNING experiment without touching its version (so a heartbeat never
     * collides with another write of the same row); 0 when it is not RUNNING. The row lock it takes
     * serializes it with an abort in progress. A null {@code workerId} matches any worker.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = """
            update experiment set worker_lease_expires_at = :expiresAt
            where id = :id and status = 'RUNNING' and (cast(:workerId as text) is null or worker_id = :workerId)""",
            nativeQuery = true)
    int renewLease(@Param("id") UUID id, @Param("workerId") String workerId, @Param("expiresAt") Instant expiresAt);

    /** RUNNING experiments whose worker lease ran out before {@code now} (the loop marks them worker_lost). */
    @Query("select e from Experiment e where e.status = dev.hpo.experiment.ExperimentStatus.RUNNING"
            + " and e.workerLeaseExpiresAt < :now order by e.workerLeaseExpiresAt")
    List<Experiment> findRunningWithLeaseExpiredBefore(@Param("now") Instant now);

    /** How many experiments of a study are in each status. */
    @Query("select e.status as status, count(e) as count from Experiment e where e.studyId = :studyId group by e.status")
    List<StatusCount> countByStatus(@Param("studyId") UUID studyId);

    /** Projection of {@link #countByStatus}. */
    interface StatusCount {
        ExperimentStatus getStatus();

        long getCount();
    }
}

package dev.hpo.study;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.LockModeType;

/** Studies by id, pages by status, and the ids the loop scans. */
public interface StudyRepository extends JpaRepository<Study, UUID> {

    Page<Study> findByStatusIn(Collection<StudyStatus> statuses, Pageable pageable);

    /** Ids of the studies in these states, oldest first: the loop's scan of studies to drive. */
    @Query("select s.id from Study s where s.status in :statuses order by s.createdAt")
    List<UUID> findIdsByStatusIn(@Param("statuses") Collection<StudyStatus> statuses);

    /** Reads the study and locks its row until the transaction ends (serializes with the loop's tick). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Study s where s.id = :id")
    Optional<Study> findForUpdate(@Param("id") UUID id);

    /** The status alone, without loading the entity: what long-poll waiters check. */
    @Query("select s.status from Study s where s.id = :id")
    Optional<StudyStatus> findStatusById(@Param("id") UUID id);

    /** Status of each of these studies, for waiters whose study may have ended on another replica. */
    @Query("select s.id as id, s.status as status from Study s where s.id in :ids")
    List<IdAndStatus> findStatuses(@Param("ids") Collection<UUID> ids);

    /** Projection of {@link #findStatuses}. */
    interface IdAndStatus {
        UUID getId();

        StudyStatus getStatus();
    }
}

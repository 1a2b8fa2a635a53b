package dev.hpo.study.web;

import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import dev.hpo.shared.StudyId;
import dev.hpo.study.Study;
import dev.hpo.study.StudyService;
import dev.hpo.study.StudyStatus;
import dev.hpo.study.StudyWaiters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * Stop and long-poll wait. Both may wait for the study to end; they do so with a {@link DeferredResult}
 * completed by {@link StudyWaiters}, so a waiting client holds no server thread.
 */
@RestController
@RequestMapping("/api/v1/studies/{id}")
@Tag(name = "studies")
class StudyWaitController {

    private final StudyService service;
    private final StudyWaiters waiters;

    StudyWaitController(StudyService service, StudyWaiters waiters) {
        this.service = service;
        this.waiters = waiters;
    }

    /** The answer of {@code wait}: whether the study has ended, and its status. */
    record WaitResponse(boolean finished, StudyStatus status) {
    }

    @Operation(summary = "Stop a study",
            description = "CREATED -> STOPPED at once; RUNNING -> STOPPING, and the loop aborts its experiments and "
                    + "ends it STOPPED. Idempotent on a stopping or ended study. With timeoutMinutes the answer waits "
                    + "up to that long for the end (the final report is written in the same transaction as the end, "
                    + "so waitForReporter adds no wait) and shows the study as it is then.")
    @PostMapping("/stop")
    DeferredResult<StudyResponse> stop(@PathVariable UUID id,
                                       @Valid @RequestBody(required = false) StudyRequests.Stop body) {
        StudyId studyId = new StudyId(id);
        Study stopped = service.stop(studyId);
        double timeout = body == null || body.timeoutMinutes() == null ? 0 : body.timeoutMinutes();
        return waitFor(studyId, stopped.status(), timeout, () -> StudyResponse.of(service.get(studyId)),
                StudyResponse.of(stopped));
    }

    @Operation(summary = "Wait for a study to end (long poll)",
            description = "Answers as soon as the study has ended, or after timeoutMinutes (default 1, at most 60) "
                    + "with finished=false.")
    @GetMapping("/wait")
    DeferredResult<WaitResponse> await(@PathVariable UUID id,
                                       @RequestParam(defaultValue = "1") @DecimalMin("0") @DecimalMax("60") double timeoutMinutes) {
        StudyId studyId = new StudyId(id);
        StudyStatus status = service.get(studyId).status();
        Supplier<WaitResponse> current = () -> {
            StudyStatus now = service.get(studyId).status();
            return new WaitResponse(now.ended(), now);
        };
        return waitFor(studyId, status, timeoutMinutes, current, new WaitResponse(status.ended(), status));
    }

    private <T> DeferredResult<T> waitFor(StudyId id, StudyStatus status, double timeoutMinutes, Supplier<T> current,
                                          T immediate) {
        if (status.ended() || timeoutMinutes <= 0) {
            DeferredResult<T> done = new DeferredResult<>();
            done.setResult(immediate);
            return done;
        }
        DeferredResult<T> result = new DeferredResult<>(Math.max(1L, Math.round(timeoutMinutes * 60_000)));
        result.onTimeout(() -> result.setResult(current.get()));
        StudyWaiters.Waiter waiter = waiters.await(id, ended -> result.setResult(current.get()));
        result.onCompletion(waiter::cancel);
        result.onError(e -> waiter.cancel());
        return result;
    }
}

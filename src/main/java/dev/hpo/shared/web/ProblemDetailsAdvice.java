package dev.hpo.shared.web;

import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.hpo.shared.ForbiddenException;
import dev.hpo.shared.IllegalTransitionException;
import dev.hpo.shared.InvalidInputException;
import dev.hpo.shared.NotFoundException;
import dev.hpo.shared.UnusableInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error into an RFC 9457 problem detail: 400 for malformed JSON, wrong types and failed validation
 * (with an {@code errors} list of {@code {field, message}}), 404 for an unknown id, 409 for an illegal
 * transition or a late worker call (with the entity's current {@code status}), 413 for a body past the size limit,
 * 422 for well-formed input the service cannot use.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
        problem.setProperty("errors", List.of(error(e.field(), e.getMessage())));
        return problem;
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ProblemDetail conflict(IllegalTransitionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        // not "status": that member is the HTTP status code (RFC 9457), and a second one made the JSON ambiguous
        problem.setProperty("currentStatus", e.currentStatus());
        return problem;
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, PessimisticLockingFailureException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        log.debug("concurrent change", e);
        return problem(HttpStatus.CONFLICT, "Conflict",
                "the resource was changed by another request at the same time; repeat the request");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        String sqlState = sqlState(e);
        if (sqlState != null && sqlState.startsWith("22")) {
            // SQL "data exception": a value PostgreSQL cannot store or compare, which validation let through;
            // the client sent it, so it is a 400 (nothing was written: the transaction rolled back)
            log.info("a value the database cannot take: {}", e.getMostSpecificCause().getMessage());
            String message = NUL_STATES.contains(sqlState)
                    ? "text must not contain the NUL character (\\u0000)"
                    : "a value is outside what the service can store";
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", message);
            problem.setProperty("errors", List.of(error("body", message)));
            return problem;
        }
        log.warn("a write broke a database constraint", e);
        return problem(HttpStatus.CONFLICT, "Conflict", "the request conflicts with stored data");
    }

    /** PostgreSQL's states for U+0000 in text (22021) and in a jsonb string escape (22P05). */
    private static final Set<String> NUL_STATES = Set.of("22021", "22P05");

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /**
     * A constraint checked by {@code @Validated} method validation (a path variable of the queue controller)
     * rather than by Spring MVC's own: the same 400 as its {@code HandlerMethodValidationException}.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            // "lease.queue" -> "queue": the client knows the parameter, not the Java method
            String field = null;
            for (Path.Node node : violation.getPropertyPath()) {
                field = node.getName();
            }
            errors.add(error(field, violation.getMessage()));
        }
        String detail = errors.isEmpty() ? "invalid request"
                : errors.get(0).get("field") + ": " + errors.get(0).get("message");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Anything unforeseen: logged with its stack trace, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        BodyTooLargeException tooLarge = tooLarge(e);
        if (tooLarge != null) {
            // the body was read by something other than a message converter (which reports it as unreadable)
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLargeProblem(tooLarge));
        }
        if (e instanceof org.springframework.web.ErrorResponse framework) {
            // a framework exception the base class does not list still knows its status
            return ResponseEntity.status(framework.getStatusCode()).body(framework.getBody());
        }
        log.error("unexpected error", e);
        return ResponseEntity.internalServerError()
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "the service failed to handle the request"));
    }

    @ExceptionHandler(UnusableInputException.class)
    ProblemDetail unusable(UnusableInputException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unusable input", e.getMessage());
        problem.setProperty("errors", List.of(error(e.field(), e.getMessage())));
        return problem;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
        problem.setProperty("errors", e.errors().stream().map(f -> error(f.field(), f.message())).toList());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError f : e.getBindingResult().getFieldErrors()) {
            errors.add(error(f.getField(), f.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(error(g.getObjectName(), g.getDefaultMessage())));
        return badRequest(errors, headers, e, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError f ? name + "." + f.getField() : name;
                errors.add(error(field, error.getDefaultMessage()));
            }
        });
        return badRequest(errors, headers, e, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() != null ? e.getPropertyName() : "value";
        String expected = e.getRequiredType() != null ? e.getRequiredType().getSimpleName() : "another type";
        return badRequest(List.of(error(field, "'" + e.getValue() + "' is not a valid " + expected)),
                headers, e, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(List.of(error(e.getParameterName(), "is required")), headers, e, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = tooLarge(e);
        if (tooLarge != null) {
            return contentTooLarge(tooLarge, headers, e, request);
        }
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JacksonException) && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String field;
        String message;
        if (cause instanceof JacksonException json) {
            field = JsonPaths.of(json);
            message = cause instanceof UnrecognizedPropertyException unknown
                    ? "unknown field '" + unknown.getPropertyName() + "'"
                    : JsonPaths.describe(json);
        } else {
            field = "body";
            message = e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                    ? "a JSON body is required" : "the body is not readable JSON";
        }
        return badRequest(List.of(error(field, message)), headers, e, request);
    }

    /** The body was past the size limit: 413, naming the body (see {@link RequestSizeLimitFilter}). */
    private ResponseEntity<Object> contentTooLarge(BodyTooLargeException tooLarge, HttpHeaders headers, Exception e,
                                                   WebRequest request) {
        ProblemDetail problem = tooLargeProblem(tooLarge);
        return handleExceptionInternal(e, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    private static ProblemDetail tooLargeProblem(BodyTooLargeException tooLarge) {
        String message = tooLarge.getMessage() + " (hpo.web.max-request-size)";
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "Content too large", message);
        problem.setProperty("errors", List.of(error("body", message)));
        return problem;
    }

    private static BodyTooLargeException tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    private ResponseEntity<Object> badRequest(List<Map<String, String>> errors, HttpHeaders headers, Exception e,
                                              WebRequest request) {
        String detail = errors.isEmpty() ? "invalid request"
                : errors.get(0).get("field") + ": " + errors.get(0).get("message")
                        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field == null ? "" : field, "message", message == null ? "is invalid" : message);
    }
}

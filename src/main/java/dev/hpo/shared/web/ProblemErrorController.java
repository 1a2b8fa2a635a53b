package dev.hpo.shared.web;

import java.net.URI;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The servlet container's error page ({@code /error}) as an RFC 9457 problem instead of Spring Boot's own JSON: it
 * answers errors raised outside Spring MVC (a method Tomcat refuses, such as TRACE, or a filter's
 * {@code sendError}), whatever the request's {@code Accept} says.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

    private static final MediaType PROBLEM = MediaType.parseMediaType("application/problem+json");

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.resolve(c)
                : HttpStatus.NOT_FOUND;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, status.is5xxServerError()
                ? "the service failed to handle the request" : describe(status));
        problem.setTitle(status.getReasonPhrase());
        problem.setType(URI.create("about:blank"));
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            problem.setInstance(URI.create("about:blank").resolve(uri.replaceAll("[^A-Za-z0-9/._~-]", "_")));
        }
        return ResponseEntity.status(status).contentType(PROBLEM).body(problem);
    }

    private static String describe(HttpStatus status) {
        return switch (status) {
            case METHOD_NOT_ALLOWED -> "this method is not allowed here";
            case NOT_FOUND -> "no such resource";
            default -> "the request was refused: " + status.getReasonPhrase();
        };
    }
}

package dev.hpo.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, before anything else reads them, requests whose envelope cannot be understood, each with a problem
 * detail naming the part: a query string that is not valid percent-encoded UTF-8 or that Tomcat cannot parse (400,
 * {@code query}: Tomcat would throw on the first parameter read), a {@code Content-Type} that is no media type, a
 * wildcard such as {@code *}{@code /*}, or a form (415, {@code Content-Type}), an {@code Accept} header that is no media type list (406,
 * {@code Accept}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestHygieneFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!validQuery(request.getQueryString())) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "query",
                    "the query string is not valid percent-encoded UTF-8");
            return;
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && !usableContentType(contentType)) {
            refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type",
                    "the Content-Type must be a concrete media type other than a form; the API reads application/json");
            return;
        }
        try {
            // Tomcat parses the parameters once and throws on every later read when they are malformed (an empty
            // name, say): find out here, where it can still be a 400 (forms are refused above, so no body is read)
            request.getParameterMap();
        } catch (IllegalStateException malformed) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "query", "the query string is malformed ("
                    + "an empty parameter name or a bad encoding)");
            return;
        }
        String accept = request.getHeader("Accept");
        if (accept != null && !parsableAccept(accept)) {
            refuse(request, response, HttpStatus.NOT_ACCEPTABLE, "Accept",
                    "the Accept header is not a list of media types; the API answers application/json");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean usableContentType(String value) {
        try {
            MediaType type = MediaType.parseMediaType(value);
            return !type.isWildcardType() && !type.isWildcardSubtype()
                    && !MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean parsableAccept(String value) {
        try {
            MediaType.parseMediaTypes(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Every {@code %XX} is two hex digits and the decoded bytes of each part are UTF-8. */
    static boolean validQuery(String query) {
        if (query == null || query.isEmpty()) {
            return true;
        }
        for (String part : query.split("[&=]", -1)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c == '%') {
                    if (i + 2 >= part.length()) {
                        return false;
                    }
                    int high = Character.digit(part.charAt(i + 1), 16);
                    int low = Character.digit(part.charAt(i + 2), 16);
                    if (high < 0 || low < 0) {
                        return false;
                    }
                    bytes.write(high * 16 + low);
                    i += 2;
                } else if (c > 0x7f) {
                    return false;
                } else {
                    bytes.write(c);
                }
            }
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            } catch (CharacterCodingException e) {
                return false;
            }
        }
        return true;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                               String field, String message) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", message);
        problem.put("instance", request.getRequestURI());
        problem.put("errors", java.util.List.of(Map.of("field", field, "message", message)));
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}

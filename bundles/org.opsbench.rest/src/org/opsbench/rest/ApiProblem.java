package org.opsbench.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused call, answered as an RFC 9457 problem details body
 * {@code {"type","title","status","detail","instance","field"}} with content type {@code application/problem+json}.
 * Resources throw it (or the plain Java exceptions listed in the package documentation); the runtime writes it.
 */
public class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The problem type URI of every Opsbench problem: the status decides, so it is the generic one. */
    public static final String TYPE = "about:blank";

    private final int status;
    private final String title;
    private final String field;
    private final long retryAfterSeconds;

    /**
     * A problem with {@code status} (400-599), a short {@code title}, a {@code detail} for the human reader and the
     * request {@code field} at fault ({@code null} when none is).
     */
    public ApiProblem(int status, String title, String detail, String field) {
        this(status, title, detail, field, 0);
    }

    /** As {@link #ApiProblem(int, String, String, String)}, telling the client to retry after some seconds. */
    public ApiProblem(int status, String title, String detail, String field, long retryAfterSeconds) {
        super(detail);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400-599, was " + status);
        }
        this.status = status;
        this.title = title == null || title.isBlank() ? "Error" : title;
        this.field = field;
        this.retryAfterSeconds = Math.max(0, retryAfterSeconds);
    }

    /** 400: {@code field} (a body field, query or path parameter; may be {@code null}) is wrong, as {@code detail}. */
    public static ApiProblem badRequest(String field, String detail) {
        return new ApiProblem(400, "Bad Request", detail, field);
    }

    /** 404: the addressed thing does not exist. */
    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not Found", detail, null);
    }

    /** 409: the request conflicts with the current state. */
    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail, null);
    }

    /** 401: the call carries no valid credentials. */
    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "Unauthorized", detail, null);
    }

    /** 403: the caller is known but may not do this. */
    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "Forbidden", detail, null);
    }

    /** 429: too many failed attempts; retry after {@code retryAfterSeconds}. */
    public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiProblem(429, "Too Many Requests", detail, null, retryAfterSeconds);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The short, status-wide summary. */
    public String title() {
        return title;
    }

    /** The explanation for this occurrence (the exception message). */
    public String detail() {
        return getMessage();
    }

    /** The request field at fault, or {@code null}. */
    public String field() {
        return field;
    }

    /** Seconds the client should wait before retrying (a {@code Retry-After} header), 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The problem details body for the request path {@code instance}; {@code field} only when there is one. */
    public Map<String, Object> body(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail() == null ? title : detail());
        body.put("instance", instance);
        if (field != null) {
            body.put("field", field);
        }
        return body;
    }
}

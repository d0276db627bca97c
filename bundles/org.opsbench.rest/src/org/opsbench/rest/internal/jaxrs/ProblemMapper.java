package org.opsbench.rest.internal.jaxrs;

import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.glassfish.jersey.server.ParamException;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.rest.ApiProblem;
import org.opsbench.rest.internal.ApiCore;

/**
 * Every error of a resource call as an RFC 9457 problem ({@code application/problem+json}): {@link ApiProblem} as
 * thrown, the plain Java exceptions of the resource conventions, Jersey's own refusals (404, 405 with {@code Allow},
 * 406, 415, bad parameters), and anything else as a 500 with a logged error id and no internals.
 */
final class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final String PROBLEM = "application/problem+json";

    private final ApiCore core;
    @Context
    private HttpServletRequest servlet;

    ProblemMapper(ApiCore core) {
        this.core = core;
    }

    @Override
    public Response toResponse(Throwable thrown) {
        String path = ApiCore.path(servlet.getRequestURI(), servlet.getContextPath());
        String method = servlet.getMethod();
        Set<String> allow = new TreeSet<>();
        ApiProblem problem = problem(thrown, path, method, allow);
        if (problem == null) {
            return Response.status(500).type(PROBLEM).entity(core.unexpected(path, thrown)).build();
        }
        Response.ResponseBuilder answer = Response.status(problem.status()).type(PROBLEM).entity(problem.body(path));
        ApiCore.problemHeaders(problem).forEach(answer::header);
        if (!allow.isEmpty()) {
            answer.header("Allow", String.join(", ", allow));
        }
        return answer.build();
    }

    /** The problem {@code thrown} stands for, or {@code null} for an unexpected error. */
    private static ApiProblem problem(Throwable thrown, String path, String method, Set<String> allow) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiProblem p) {
                return p;
            }
        }
        if (thrown instanceof NotAllowedException e) {
            return ApiProblem.forbidden("not allowed: " + e.permission());
        }
        if (thrown instanceof ParamException e) {
            return ApiProblem.badRequest(e.getParameterName(), "parameter '" + e.getParameterName()
                    + "' is malformed");
        }
        if (thrown instanceof NotFoundException) {
            return ApiProblem.notFound("no resource at " + path);
        }
        if (thrown instanceof jakarta.ws.rs.NotAllowedException e) {
            for (String m : e.getResponse().getAllowedMethods()) {
                String name = m.toUpperCase(Locale.ROOT);
                if (!name.equals("HEAD") && !name.equals("OPTIONS")) {
                    allow.add(name);
                }
            }
            return new ApiProblem(405, "Method Not Allowed",
                    method + " is not allowed on " + path + "; allowed: " + String.join(", ", allow), null);
        }
        if (thrown instanceof NotSupportedException) {
            return new ApiProblem(415, "Unsupported Media Type",
                    "the request body must be sent as Content-Type: application/json", null);
        }
        if (thrown instanceof NotAcceptableException) {
            return new ApiProblem(406, "Not Acceptable", "this resource answers application/json", null);
        }
        if (thrown instanceof WebApplicationException e && e.getResponse().getStatus() >= 400
                && e.getResponse().getStatus() < 500) {
            Response.StatusType status = e.getResponse().getStatusInfo();
            return new ApiProblem(status.getStatusCode(), status.getReasonPhrase(), status.getReasonPhrase(), null);
        }
        if (thrown instanceof IllegalArgumentException e) {
            return ApiProblem.badRequest(null, message(e, "invalid request"));
        }
        if (thrown instanceof NoSuchElementException e) {
            return ApiProblem.notFound(message(e, "not found"));
        }
        if (thrown instanceof IllegalStateException e) {
            return ApiProblem.conflict(message(e, "conflict with the current state"));
        }
        return null;
    }

    private static String message(Throwable e, String fallback) {
        return e.getMessage() == null || e.getMessage().isBlank() ? fallback : e.getMessage();
    }
}

package org.opsbench.rest.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.opsbench.core.Principal;
import org.opsbench.rest.ApiAuthenticator;
import org.opsbench.rest.ApiPrincipal;
import org.opsbench.rest.ApiProblem;
import org.opsbench.rest.internal.auth.RateLimiter;
import org.opsbench.rest.internal.auth.Sessions;
import org.opsbench.rest.internal.jaxrs.Json;
import org.opsbench.rest.internal.ops.HttpStats;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * What the parts of the REST runtime share: the configuration, strict JSON, the request statistics, sessions, the rate
 * limiter and the {@link ApiAuthenticator}. The servlet filter, the plain servlet ({@code /health}, {@code /metrics},
 * sessions, OpenAPI) and the Jersey application (the resources) all authenticate and answer problems through it.
 */
@Component(service = ApiCore.class, configurationPid = RestConfig.PID)
public final class ApiCore {

    /** The request attribute naming the route (path template) a request matched, for the statistics. */
    public static final String ROUTE_ATTRIBUTE = "org.opsbench.rest.route";

    private final Logger log;
    private final Json json = new Json();
    private volatile HttpStats stats;
    private volatile Sessions sessions;
    private volatile RateLimiter limiter;
    private volatile long maxBody;
    private volatile ApiAuthenticator authenticator;

    /** With its configuration. */
    @Activate
    public ApiCore(@Reference(service = LoggerFactory.class) LoggerFactory loggers, RestConfig config) {
        this.log = loggers.getLogger(ApiCore.class);
        modified(config);
    }

    /**
     * Applies a changed configuration in place (sessions, failure counts and request statistics start anew, as on a
     * restart of the runtime), so that the Jakarta REST application, which holds this object, is not taken down and
     * rebuilt.
     */
    @Modified
    void modified(RestConfig config) {
        this.stats = new HttpStats();
        this.sessions = new Sessions(Duration.ofMinutes(Math.max(1, config.sessionIdleMinutes())), Clock.systemUTC());
        this.limiter = new RateLimiter(config.maxFailures(), Duration.ofSeconds(Math.max(1,
                config.failureWindowSeconds())), Clock.systemUTC());
        this.maxBody = config.maxBodyBytes() <= 0 ? 1_048_576 : config.maxBodyBytes();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindAuthenticator(ApiAuthenticator a) {
        this.authenticator = a;
    }

    void unbindAuthenticator(ApiAuthenticator a) {
        if (this.authenticator == a) {
            this.authenticator = null;
        }
    }

    /** Strict JSON of the API. */
    public Json json() {
        return json;
    }

    /** The request statistics. */
    public HttpStats stats() {
        return stats;
    }

    /** The open sessions. */
    public Sessions sessions() {
        return sessions;
    }

    /** Failed attempts per remote address. */
    public RateLimiter limiter() {
        return limiter;
    }

    /** The largest request body in bytes. */
    public long maxBody() {
        return maxBody;
    }

    /** The logger of the runtime. */
    public Logger log() {
        return log;
    }

    /** Whether an authenticator is there (readiness). */
    public boolean hasAuthenticator() {
        return authenticator != null;
    }

    /**
     * The authenticator.
     *
     * @throws ApiProblem
     *             503 while there is none
     */
    public ApiAuthenticator authenticator() {
        ApiAuthenticator a = authenticator;
        if (a == null) {
            throw new ApiProblem(503, "Service Unavailable", "authentication is not available yet", null, 5);
        }
        return a;
    }

    /** The logout hook of the authenticator, when there is one. */
    public void loggedOut(Principal principal) {
        ApiAuthenticator a = authenticator;
        if (a != null) {
            a.logout(principal);
        }
    }

    /**
     * The caller of a request with header {@code Authorization: authorization} from {@code address}.
     *
     * @throws ApiProblem
     *             401 without valid credentials, 429 while the address is limited, 503 without authenticator
     */
    public Principal authenticate(String authorization, String address) {
        String token = bearer(authorization);
        if (token == null) {
            throw ApiProblem.unauthorized(authorization == null
                    ? "authentication required: send Authorization: Bearer <token>"
                    : "the Authorization header must read Bearer <token>");
        }
        long wait = limiter.retryAfterSeconds(address);
        if (wait > 0) {
            throw ApiProblem.tooManyRequests("too many failed attempts from " + address, wait);
        }
        if (token.startsWith(Sessions.PREFIX)) {
            return sessions.use(token).orElseGet(() -> {
                limiter.failed(address);
                throw ApiProblem.unauthorized("the session has ended or never existed; log in again");
            });
        }
        try {
            return authenticator().authenticateToken(token);
        } catch (ApiProblem p) {
            if (p.status() == 401) {
                limiter.failed(address);
            }
            throw p;
        }
    }

    /** {@link ApiPrincipal#SESSION} or {@link ApiPrincipal#BEARER_TOKEN}, by the token's form. */
    public static String scheme(String authorization) {
        String token = bearer(authorization);
        return token != null && token.startsWith(Sessions.PREFIX) ? ApiPrincipal.SESSION : ApiPrincipal.BEARER_TOKEN;
    }

    /** The token of an {@code Authorization: Bearer <token>} header, or {@code null}. */
    public static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** Whether {@code contentType} is JSON ({@code application/json} or {@code application/*+json}). */
    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /** The headers a problem answer carries besides its body: name and value pairs. */
    public static Map<String, String> problemHeaders(ApiProblem p) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (p.status() == 413) {
            // the rest of the body is not read: end the connection rather than leave it unusable
            headers.put("Connection", "close");
        }
        if (p.status() == 401) {
            headers.put("WWW-Authenticate", "Bearer realm=\"opsbench\"");
        }
        if (p.retryAfterSeconds() > 0) {
            headers.put("Retry-After", Long.toString(p.retryAfterSeconds()));
        }
        return headers;
    }

    /** The body of a 500 answer for {@code t}, logged with a new error id; no internals in it. */
    public Map<String, Object> unexpected(String path, Throwable t) {
        String id = UUID.randomUUID().toString();
        log.error("REST error {} on {}: {}", id, path, t.toString(), t);
        Map<String, Object> body = new ApiProblem(500, "Internal Server Error",
                "an unexpected error occurred; quote error id " + id + " to the administrator", null).body(path);
        body.put("errorId", id);
        return body;
    }

    /** Writes {@code p} as problem details (with its headers) unless the answer is already committed. */
    public int writeProblem(HttpServletResponse resp, String path, ApiProblem p) throws IOException {
        if (resp.isCommitted()) {
            return p.status();
        }
        problemHeaders(p).forEach(resp::setHeader);
        return write(resp, p.status(), "application/problem+json", p.body(path));
    }

    /** Writes a 500 problem for {@code t} unless the answer is already committed. */
    public int writeUnexpected(HttpServletResponse resp, String path, Throwable t) throws IOException {
        Map<String, Object> body = unexpected(path, t);
        if (resp.isCommitted()) {
            return 500;
        }
        return write(resp, 500, "application/problem+json", body);
    }

    /** Writes {@code body} as JSON of {@code contentType} with {@code status}. */
    public int write(HttpServletResponse resp, int status, String contentType, Object body) throws IOException {
        byte[] bytes = json.write(body);
        resp.setStatus(status);
        resp.setContentType(contentType);
        resp.setCharacterEncoding("UTF-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
        return status;
    }

    /** The request path of {@code uri} below {@code contextPath}, without trailing slashes. */
    public static String path(String uri, String contextPath) {
        String path = contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath)
                ? uri.substring(contextPath.length())
                : uri;
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() ? "/" : path;
    }
}

package org.opsbench.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.SecurityContext;

import org.opsbench.core.Principal;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.rest.ApiAuthenticator;
import org.opsbench.rest.ApiPrincipal;
import org.opsbench.rest.ApiProblem;
import org.opsbench.rest.Health;
import org.opsbench.rest.MetricsSource;
import org.opsbench.rest.internal.auth.RateLimiter;
import org.opsbench.rest.internal.auth.Sessions;
import org.opsbench.rest.internal.dispatch.Invoker;
import org.opsbench.rest.internal.dispatch.Json;
import org.opsbench.rest.internal.dispatch.ResourceRegistry;
import org.opsbench.rest.internal.dispatch.Route;
import org.opsbench.rest.internal.openapi.OpenApi;
import org.opsbench.rest.internal.ops.HttpStats;
import org.opsbench.rest.internal.ops.JvmMetrics;
import org.opsbench.rest.internal.ops.PoolMetrics;
import org.opsbench.rest.internal.ops.PrometheusText;
import org.opsbench.rest.internal.ops.Readiness;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The one servlet of the REST API on the servlet whiteboard: authenticates, routes to the whiteboard resources, turns
 * every error into problem details, and serves sessions, OpenAPI, health and metrics.
 */
@Component(service = Servlet.class, configurationPid = RestConfig.PID, property = {
        "osgi.http.whiteboard.servlet.pattern=/*", "osgi.http.whiteboard.servlet.name=opsbench-rest"})
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The permission {@code /metrics} needs. */
    public static final String METRICS_PERMISSION = "server:metrics";
    private static final String SESSION_PATH = "/api/v1/session";
    private static final String BODY = "org.opsbench.rest.body";

    /** The body of a login. */
    public record Login(String login, String password) {
    }

    /** The answer to a login. */
    public record SessionToken(String token, String login, String displayName, long idleTimeoutSeconds) {
    }

    private final transient ResourceRegistry registry;
    private final transient AccessControl access;
    private final transient Readiness readiness;
    private final transient Logger log;
    private final transient Json json = new Json();
    private final transient Invoker invoker = new Invoker(json);
    private final transient HttpStats stats = new HttpStats();
    private final transient Sessions sessions;
    private final transient RateLimiter limiter;
    private final long maxBody;
    private final transient List<MetricsSource> sources = new CopyOnWriteArrayList<>();
    private transient volatile ApiAuthenticator authenticator;

    /** With its collaborators and configuration. */
    @Activate
    public ApiServlet(@Reference ResourceRegistry registry, @Reference AccessControl access,
            @Reference Readiness readiness, @Reference(service = LoggerFactory.class) LoggerFactory loggers,
            RestConfig config) {
        this.registry = registry;
        this.access = access;
        this.readiness = readiness;
        this.log = loggers.getLogger(ApiServlet.class);
        this.sessions = new Sessions(Duration.ofMinutes(Math.max(1, config.sessionIdleMinutes())),
                Clock.systemUTC());
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

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(MetricsSource source) {
        sources.add(source);
    }

    void removeSource(MetricsSource source) {
        sources.remove(source);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long start = System.nanoTime();
        String path = path(req);
        String method = req.getMethod();
        String[] route = {"unmatched"};
        int status;
        try {
            // read (and so drain) the body first: an unread body would make Jetty drop the kept-alive connection
            req.setAttribute(BODY, readBody(req));
            status = dispatch(req, resp, path, method, route);
        } catch (ApiProblem p) {
            status = problem(resp, path, p);
        } catch (NotAllowedException e) {
            status = problem(resp, path, ApiProblem.forbidden("not allowed: " + e.permission()));
        } catch (Throwable t) {
            status = unexpected(resp, path, t);
        }
        stats.record(route[0], method, status, System.nanoTime() - start);
    }

    private int dispatch(HttpServletRequest req, HttpServletResponse resp, String path, String method,
            String[] route) throws Throwable {
        switch (path) {
            case "/health/live" -> {
                route[0] = path;
                requireMethod(method, "GET");
                return write(resp, 200, Map.of("status", "UP"));
            }
            case "/health/ready" -> {
                route[0] = path;
                requireMethod(method, "GET");
                return ready(req, resp);
            }
            case "/metrics" -> {
                route[0] = path;
                requireMethod(method, "GET");
                access.check(authenticate(req), METRICS_PERMISSION);
                return metrics(resp);
            }
            case SESSION_PATH -> {
                route[0] = path;
                return session(req, resp, method);
            }
            case "/api/v1/openapi.json" -> {
                route[0] = path;
                requireMethod(method, "GET");
                authenticate(req);
                return write(resp, 200, OpenApi.document(registry.routes(), null));
            }
            default -> {
                return resource(req, resp, path, method, route);
            }
        }
    }

    private int resource(HttpServletRequest req, HttpServletResponse resp, String path, String method,
            String[] route) throws Throwable {
        ResourceRegistry.Match match = registry.match(method, path);
        if (match instanceof ResourceRegistry.Match.NoPath) {
            throw ApiProblem.notFound("no resource at " + path);
        }
        if (match instanceof ResourceRegistry.Match.WrongMethod wrong) {
            resp.setHeader("Allow", String.join(", ", wrong.allowed()));
            throw new ApiProblem(405, "Method Not Allowed",
                    method + " is not allowed on " + path + "; allowed: " + String.join(", ", wrong.allowed()),
                    null);
        }
        ResourceRegistry.Match.Found found = (ResourceRegistry.Match.Found) match;
        Route r = found.route();
        route[0] = r.template();
        Principal caller = authenticate(req);
        SecurityContext security = new CallerContext(new ApiPrincipal(caller, scheme(req)), req.isSecure());
        boolean hasBody = Invoker.bodyIndex(r.method()) >= 0;
        byte[] body = hasBody ? body(req) : new byte[0];
        Object result;
        try {
            result = invoker.invoke(r, found.pathParameters(), new Invoker.Request() {
                @Override
                public String query(String name) {
                    return req.getParameter(name);
                }

                @Override
                public byte[] body() {
                    return body;
                }

                @Override
                public boolean jsonContent() {
                    return isJson(req.getContentType());
                }

                @Override
                public SecurityContext security() {
                    return security;
                }
            });
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(null, message(e, "invalid request"));
        } catch (NoSuchElementException e) {
            throw ApiProblem.notFound(message(e, "not found"));
        } catch (IllegalStateException e) {
            throw ApiProblem.conflict(message(e, "conflict with the current state"));
        }
        if (r.method().getReturnType() == void.class || result == null) {
            resp.setStatus(204);
            return 204;
        }
        return write(resp, method.equals("POST") ? 201 : 200, result);
    }

    private int session(HttpServletRequest req, HttpServletResponse resp, String method) throws IOException {
        if (method.equals("POST")) {
            String address = req.getRemoteAddr();
            long wait = limiter.retryAfterSeconds(address);
            if (wait > 0) {
                throw ApiProblem.tooManyRequests("too many failed attempts from " + address, wait);
            }
            if (!isJson(req.getContentType())) {
                throw new ApiProblem(415, "Unsupported Media Type",
                        "the request body must be sent as Content-Type: application/json", null);
            }
            byte[] body = body(req);
            if (body.length == 0) {
                throw ApiProblem.badRequest(null, "a JSON body {\"login\", \"password\"} is required");
            }
            Login login = (Login) json.read(body, Login.class);
            if (login.login() == null || login.login().isBlank()) {
                throw ApiProblem.badRequest("login", "login is required");
            }
            if (login.password() == null) {
                throw ApiProblem.badRequest("password", "password is required");
            }
            Principal principal;
            try {
                principal = authenticator().login(login.login(), login.password().toCharArray());
            } catch (ApiProblem p) {
                if (p.status() == 401) {
                    limiter.failed(address);
                }
                throw p;
            }
            String token = sessions.open(principal);
            return write(resp, 201, new SessionToken(token, principal.name(), principal.displayName(),
                    sessions.idle().toSeconds()));
        }
        if (method.equals("DELETE")) {
            String token = bearer(req);
            if (token == null || !token.startsWith(Sessions.PREFIX)) {
                unauthorized(resp, "a session token is required to log out");
            }
            Principal principal = sessions.close(token)
                    .orElseThrow(() -> ApiProblem.unauthorized("the session has ended or never existed"));
            ApiAuthenticator a = authenticator;
            if (a != null) {
                a.logout(principal);
            }
            resp.setStatus(204);
            return 204;
        }
        resp.setHeader("Allow", "POST, DELETE");
        throw new ApiProblem(405, "Method Not Allowed", method + " is not allowed on " + SESSION_PATH, null);
    }

    private int ready(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, Health> checks = readiness.check();
        boolean up = checks.values().stream().allMatch(Health::up);
        boolean detailed = bearer(req) != null && tryAuthenticate(req);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", up ? "UP" : "DOWN");
        Map<String, Object> each = new LinkedHashMap<>();
        checks.forEach((name, h) -> each.put(name, detailed
                ? Map.of("status", h.up() ? "UP" : "DOWN", "detail", h.detail())
                : Map.of("status", h.up() ? "UP" : "DOWN")));
        out.put("checks", each);
        return write(resp, up ? 200 : 503, out);
    }

    private boolean tryAuthenticate(HttpServletRequest req) {
        try {
            authenticate(req);
            return true;
        } catch (ApiProblem e) {
            return false;
        }
    }

    private int metrics(HttpServletResponse resp) throws IOException {
        PrometheusText text = new PrometheusText();
        JvmMetrics.collect(text);
        PoolMetrics.collect(readiness.dataSource(), text);
        stats.collect(text);
        text.gauge("opsbench_rest_sessions", "Open REST sessions", Map.of(), sessions.size());
        text.gauge("opsbench_rest_resources", "Registered REST resource methods", Map.of(),
                registry.routes().size());
        for (MetricsSource source : sources) {
            try {
                source.collect(text);
            } catch (RuntimeException e) {
                log.warn("metrics source {} failed: {}", source.getClass().getName(), e.toString());
            }
        }
        byte[] bytes = text.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        resp.setStatus(200);
        resp.setContentType(PrometheusText.CONTENT_TYPE);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
        return 200;
    }

    private Principal authenticate(HttpServletRequest req) {
        String address = req.getRemoteAddr();
        String token = bearer(req);
        if (token == null) {
            throw ApiProblem.unauthorized(req.getHeader("Authorization") == null
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

    private ApiAuthenticator authenticator() {
        ApiAuthenticator a = authenticator;
        if (a == null) {
            throw new ApiProblem(503, "Service Unavailable", "authentication is not available yet", null, 5);
        }
        return a;
    }

    private static String scheme(HttpServletRequest req) {
        String token = bearer(req);
        return token != null && token.startsWith(Sessions.PREFIX) ? ApiPrincipal.SESSION : ApiPrincipal.BEARER_TOKEN;
    }

    private static String bearer(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static void unauthorized(HttpServletResponse resp, String detail) {
        throw ApiProblem.unauthorized(detail);
    }

    private static byte[] body(HttpServletRequest req) {
        return (byte[]) req.getAttribute(BODY);
    }

    private byte[] readBody(HttpServletRequest req) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared > maxBody) {
            throw tooLarge();
        }
        try (InputStream in = req.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
            if (bytes.length > maxBody) {
                throw tooLarge();
            }
            return bytes;
        }
    }

    private ApiProblem tooLarge() {
        return new ApiProblem(413, "Content Too Large", "the request body is larger than " + maxBody + " bytes",
                null);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed) && !(allowed.equals("GET") && method.equals("HEAD"))) {
            throw new ApiProblem(405, "Method Not Allowed", method + " is not allowed here; allowed: " + allowed,
                    null);
        }
    }

    private static String path(HttpServletRequest req) {
        String uri = req.getRequestURI();
        String context = req.getContextPath();
        String path = context != null && !context.isEmpty() && uri.startsWith(context)
                ? uri.substring(context.length())
                : uri;
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() ? "/" : path;
    }

    private static String message(Throwable e, String fallback) {
        return e.getMessage() == null || e.getMessage().isBlank() ? fallback : e.getMessage();
    }

    private int write(HttpServletResponse resp, int status, Object body) throws IOException {
        byte[] bytes = json.write(body);
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
        return status;
    }

    private int problem(HttpServletResponse resp, String path, ApiProblem p) throws IOException {
        if (resp.isCommitted()) {
            return p.status();
        }
        if (p.status() == 413) {
            // the rest of the body is not read: end the connection rather than leave it unusable
            resp.setHeader("Connection", "close");
        }
        if (p.status() == 401) {
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"opsbench\"");
        }
        if (p.retryAfterSeconds() > 0) {
            resp.setHeader("Retry-After", Long.toString(p.retryAfterSeconds()));
        }
        return writeProblem(resp, p.status(), p.body(path));
    }

    private int unexpected(HttpServletResponse resp, String path, Throwable t) throws IOException {
        String id = UUID.randomUUID().toString();
        log.error("REST error {} on {}: {}", id, path, t.toString(), t);
        if (resp.isCommitted()) {
            return 500;
        }
        Map<String, Object> body = new ApiProblem(500, "Internal Server Error",
                "an unexpected error occurred; quote error id " + id + " to the administrator", null).body(path);
        body.put("errorId", id);
        return writeProblem(resp, 500, body);
    }

    private int writeProblem(HttpServletResponse resp, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = json.write(body);
        resp.setStatus(status);
        resp.setContentType("application/problem+json");
        resp.setCharacterEncoding("UTF-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
        return status;
    }
}

package org.opsbench.rest.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opsbench.core.Principal;
import org.opsbench.core.security.AccessControl;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.rest.ApiProblem;
import org.opsbench.rest.Health;
import org.opsbench.rest.MetricsSource;
import org.opsbench.rest.internal.auth.Sessions;
import org.opsbench.rest.internal.openapi.OpenApi;
import org.opsbench.rest.internal.openapi.ResourceDocs;
import org.opsbench.rest.internal.ops.JvmMetrics;
import org.opsbench.rest.internal.ops.PoolMetrics;
import org.opsbench.rest.internal.ops.PrometheusText;
import org.opsbench.rest.internal.ops.Readiness;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.jakartars.runtime.dto.ApplicationDTO;
import org.osgi.service.jakartars.runtime.dto.ResourceDTO;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.service.servlet.runtime.dto.ServletDTO;

/**
 * The endpoints of the runtime itself, a plain servlet on the servlet whiteboard beside the Jersey servlet of the
 * resources: {@code /health/live}, {@code /health/ready}, {@code /metrics}, {@code POST|DELETE /api/v1/session} and
 * {@code /api/v1/openapi.json}. ({@link ApiFilter} has read the body and records the statistics.)
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/health/live",
        "osgi.http.whiteboard.servlet.pattern=/health/ready", "osgi.http.whiteboard.servlet.pattern=/metrics",
        "osgi.http.whiteboard.servlet.pattern=/api/v1/session",
        "osgi.http.whiteboard.servlet.pattern=/api/v1/openapi.json",
        "osgi.http.whiteboard.servlet.name=opsbench-rest"})
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The permission {@code /metrics} needs. */
    public static final String METRICS_PERMISSION = "server:metrics";
    private static final String SESSION_PATH = "/api/v1/session";

    /** The body of a login. */
    public record Login(String login, String password) {
    }

    /** The answer to a login. */
    public record SessionToken(String token, String login, String displayName, long idleTimeoutSeconds) {
    }

    private final transient ApiCore core;
    private final transient ResourceDocs docs;
    private final transient AccessControl access;
    private final transient Readiness readiness;
    private final transient List<MetricsSource> sources = new CopyOnWriteArrayList<>();
    private final transient List<HttpServiceRuntime> httpRuntimes = new CopyOnWriteArrayList<>();
    private final transient List<JakartarsServiceRuntime> restRuntimes = new CopyOnWriteArrayList<>();

    /** With its collaborators. */
    @Activate
    public ApiServlet(@Reference ApiCore core, @Reference ResourceDocs docs, @Reference AccessControl access,
            @Reference Readiness readiness) {
        this.core = core;
        this.docs = docs;
        this.access = access;
        this.readiness = readiness;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRestRuntime(JakartarsServiceRuntime runtime) {
        restRuntimes.add(runtime);
    }

    void removeRestRuntime(JakartarsServiceRuntime runtime) {
        restRuntimes.remove(runtime);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHttpRuntime(HttpServiceRuntime runtime) {
        httpRuntimes.add(runtime);
    }

    void removeHttpRuntime(HttpServiceRuntime runtime) {
        httpRuntimes.remove(runtime);
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
        String path = ApiCore.path(req.getRequestURI(), req.getContextPath());
        req.setAttribute(ApiCore.ROUTE_ATTRIBUTE, path);
        try {
            dispatch(req, resp, path, req.getMethod());
        } catch (ApiProblem p) {
            core.writeProblem(resp, path, p);
        } catch (NotAllowedException e) {
            core.writeProblem(resp, path, ApiProblem.forbidden("not allowed: " + e.permission()));
        } catch (RuntimeException e) {
            core.writeUnexpected(resp, path, e);
        }
    }

    private int dispatch(HttpServletRequest req, HttpServletResponse resp, String path, String method)
            throws IOException {
        switch (path) {
            case "/health/live" -> {
                requireMethod(method, "GET");
                return write(resp, 200, Map.of("status", "UP"));
            }
            case "/health/ready" -> {
                requireMethod(method, "GET");
                return ready(req, resp);
            }
            case "/metrics" -> {
                requireMethod(method, "GET");
                access.check(authenticate(req), METRICS_PERMISSION);
                return metrics(resp);
            }
            case SESSION_PATH -> {
                return session(req, resp, method);
            }
            case "/api/v1/openapi.json" -> {
                requireMethod(method, "GET");
                authenticate(req);
                return write(resp, 200, OpenApi.document(docs.routes(), null));
            }
            default -> throw ApiProblem.notFound("no resource at " + path);
        }
    }

    private int session(HttpServletRequest req, HttpServletResponse resp, String method) throws IOException {
        Sessions sessions = core.sessions();
        if (method.equals("POST")) {
            String address = req.getRemoteAddr();
            long wait = core.limiter().retryAfterSeconds(address);
            if (wait > 0) {
                throw ApiProblem.tooManyRequests("too many failed attempts from " + address, wait);
            }
            if (!ApiCore.isJson(req.getContentType())) {
                throw new ApiProblem(415, "Unsupported Media Type",
                        "the request body must be sent as Content-Type: application/json", null);
            }
            byte[] body = req.getInputStream().readAllBytes();
            if (body.length == 0) {
                throw ApiProblem.badRequest(null, "a JSON body {\"login\", \"password\"} is required");
            }
            Login login = (Login) core.json().read(body, Login.class);
            if (login == null) {
                throw ApiProblem.badRequest(null, "a JSON body {\"login\", \"password\"} is required");
            }
            if (login.login() == null || login.login().isBlank()) {
                throw ApiProblem.badRequest("login", "login is required");
            }
            if (login.password() == null) {
                throw ApiProblem.badRequest("password", "password is required");
            }
            Principal principal;
            try {
                principal = core.authenticator().login(login.login(), login.password().toCharArray());
            } catch (ApiProblem p) {
                if (p.status() == 401) {
                    core.limiter().failed(address);
                }
                throw p;
            }
            String token = sessions.open(principal);
            return write(resp, 201, new SessionToken(token, principal.name(), principal.displayName(),
                    sessions.idle().toSeconds()));
        }
        if (method.equals("DELETE")) {
            String token = ApiCore.bearer(req.getHeader("Authorization"));
            if (token == null || !token.startsWith(Sessions.PREFIX)) {
                throw ApiProblem.unauthorized("a session token is required to log out");
            }
            Principal principal = sessions.close(token)
                    .orElseThrow(() -> ApiProblem.unauthorized("the session has ended or never existed"));
            core.loggedOut(principal);
            resp.setStatus(204);
            return 204;
        }
        resp.setHeader("Allow", "POST, DELETE");
        throw new ApiProblem(405, "Method Not Allowed", method + " is not allowed on " + SESSION_PATH, null);
    }

    private int ready(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, Health> checks = new LinkedHashMap<>(readiness.check());
        checks.put("authentication", core.hasAuthenticator()
                ? Health.up("credentials are checked by the security area")
                : Health.down("no authenticator yet: logins and tokens get 503"));
        checks.put("resources", resources());
        boolean up = checks.values().stream().allMatch(Health::up);
        boolean detailed = ApiCore.bearer(req.getHeader("Authorization")) != null && tryAuthenticate(req);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", up ? "UP" : "DOWN");
        Map<String, Object> each = new LinkedHashMap<>();
        checks.forEach((name, h) -> each.put(name, detailed
                ? Map.of("status", h.up() ? "UP" : "DOWN", "detail", h.detail())
                : Map.of("status", h.up() ? "UP" : "DOWN")));
        out.put("checks", each);
        return write(resp, up ? 200 : 503, out);
    }

    /**
     * Whether the Jakarta REST whiteboard serves every registered resource service: each one is deployed in its default
     * application, and its servlet ({@code /*} in the default context) is on the HTTP server. Both come some time after
     * this servlet: the whiteboard deploys asynchronously, at start-up, when a resource comes, and after Jetty restarts
     * on a new address or port.
     */
    private Health resources() {
        if (!servletDeployed()) {
            return Health.down("the Jakarta REST whiteboard has not deployed its servlet yet");
        }
        java.util.Set<Long> registered = docs.serviceIds();
        for (JakartarsServiceRuntime runtime : restRuntimes) {
            ApplicationDTO application = runtime.getRuntimeDTO().defaultApplication;
            if (application == null || application.resourceDTOs == null) {
                continue;
            }
            java.util.Set<Long> deployed = new java.util.HashSet<>();
            for (ResourceDTO resource : application.resourceDTOs) {
                deployed.add(resource.serviceId);
            }
            if (deployed.containsAll(registered)) {
                return Health.up(registered.size() + " resource services served");
            }
            registered.removeAll(deployed);
            return Health.down("not deployed yet: resource services " + registered);
        }
        return Health.down("the Jakarta REST whiteboard is not running");
    }

    private boolean servletDeployed() {
        for (HttpServiceRuntime runtime : httpRuntimes) {
            for (ServletContextDTO context : runtime.getRuntimeDTO().servletContextDTOs) {
                if (!"default".equals(context.name)) {
                    continue;
                }
                for (ServletDTO servlet : context.servletDTOs) {
                    if (servlet.patterns != null && java.util.Arrays.asList(servlet.patterns).contains("/*")) {
                        return true;
                    }
                }
            }
        }
        return false;
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
        core.stats().collect(text);
        text.gauge("opsbench_rest_sessions", "Open REST sessions", Map.of(), core.sessions().size());
        text.gauge("opsbench_rest_resources", "Registered REST resource methods", Map.of(), docs.routes().size());
        for (MetricsSource source : sources) {
            try {
                source.collect(text);
            } catch (RuntimeException e) {
                core.log().warn("metrics source {} failed: {}", source.getClass().getName(), e.toString());
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
        return core.authenticate(req.getHeader("Authorization"), req.getRemoteAddr());
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed) && !(allowed.equals("GET") && method.equals("HEAD"))) {
            throw new ApiProblem(405, "Method Not Allowed", method + " is not allowed here; allowed: " + allowed,
                    null);
        }
    }

    private int write(HttpServletResponse resp, int status, Object body) throws IOException {
        return core.write(resp, status, "application/json", body);
    }
}

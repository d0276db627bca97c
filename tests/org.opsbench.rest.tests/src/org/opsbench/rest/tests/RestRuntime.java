package org.opsbench.rest.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opsbench.core.Principal;
import org.opsbench.persistence.Database;
import org.opsbench.rest.ApiAuthenticator;
import org.opsbench.rest.internal.openapi.ResourceDocs;
import org.opsbench.security.ApiTokens;
import org.opsbench.security.Authentication;
import org.opsbench.security.IdentityAdmin;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * JUnit 5 fixture: a fresh Derby database with the real security area (fast password hashing), the REST API on a free
 * loopback port, users {@code operator1} (operator) and {@code viewer1} (viewer), the {@link ProbeResource} test
 * resource and the API token store. Per test class; {@link #configure} changes the REST configuration.
 */
public final class RestRuntime implements BeforeAllCallback, AfterAllCallback {

    static final String PASSWORD = "Rest-Password-1";
    private static final long WAIT_MILLIS = 60_000;
    private static final String RESOURCES_UP = "\"resources\":{\"status\":\"UP\"";
    private static final AtomicInteger GENERATIONS = new AtomicInteger();

    private final BundleContext context = FrameworkUtil.getBundle(RestRuntime.class).getBundleContext();
    private final Map<String, Object> restSettings;
    private Path folder;
    private int port;
    private String scheme = "http";
    private ServiceRegistration<?> resource;
    private Tokens tokens;
    private HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** With the default REST settings (a generous rate limit). */
    public RestRuntime() {
        this(Map.of());
    }

    /** With {@code restSettings} on top of the defaults. */
    public RestRuntime(Map<String, Object> restSettings) {
        this.restSettings = restSettings;
    }

    @Override
    public void beforeAll(ExtensionContext extension) throws Exception {
        Dictionary<String, Object> security = new Hashtable<>();
        security.put("passwordIterations", 10_000);
        security.put("maxFailedLogins", 3);
        security.put("lockoutSeconds", 2);
        security.put("minPasswordLength", 8);
        security.put("singleUser", false);
        configuration("org.opsbench.security").update(security);
        folder = Files.createTempDirectory("opsbench-rest-");
        int generation = GENERATIONS.incrementAndGet();
        Dictionary<String, Object> db = new Hashtable<>();
        db.put("url", "jdbc:derby:" + folder.resolve("db").toAbsolutePath() + ";create=true");
        db.put("opsbench.test.generation", generation);
        configuration(Database.CONFIGURATION_PID).update(db);
        ServiceReference<DataSource> ref = reference(DataSource.class,
                "(&" + Database.DEFAULT_DATASOURCE_FILTER + "(opsbench.test.generation=" + generation + "))");
        long dataSourceId = (Long) ref.getProperty("service.id");
        reference(Authentication.class, "(&(service.id>=" + dataSourceId + ")(maxFailedLogins=3))");
        reference(IdentityAdmin.class, "(service.id>=" + dataSourceId + ")");
        Principal admin = admin();
        IdentityAdmin identities = service(IdentityAdmin.class);
        for (String[] user : new String[][]{{"operator1", "operator"}, {"viewer1", "viewer"}}) {
            if (identities.users(admin).stream().noneMatch(u -> u.login().equals(user[0]))) {
                identities.createUser(admin, user[0], user[0], "", PASSWORD.toCharArray(), Set.of(user[1]));
            }
        }
        // the security area's real token store and authenticator (org.opsbench.security.rest) on this database
        ServiceReference<ApiTokens> tokenStore = reference(ApiTokens.class, "(service.id>=" + dataSourceId + ")");
        reference(ApiAuthenticator.class, "(service.id>=" + dataSourceId + ")");
        tokens = new Tokens(context.getService(tokenStore), context.getService(ref), admin);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ResourceDocs.RESOURCE_PROPERTY, true);
        resource = context.registerService(ProbeResource.class,
                new ProbeResource(service(org.opsbench.core.security.AccessControl.class)), props);
        configure(restSettings);
    }

    @Override
    public void afterAll(ExtensionContext extension) throws Exception {
        if (resource != null) {
            resource.unregister();
        }
        if (folder != null) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Applies REST settings (plus a new free port) and waits until {@code /health/ready} says resources are served. */
    public void configure(Map<String, Object> settings) throws Exception {
        configure(settings, null, "http");
    }

    /** As {@link #configure(Map)}, answering over {@code scheme} with {@code client}. */
    public void configure(Map<String, Object> settings, HttpClient httpClient, String httpScheme) throws Exception {
        port = freePort();
        Map<String, Object> all = new HashMap<>();
        all.put("address", "127.0.0.1");
        all.put("maxFailures", 1000);
        all.putAll(settings);
        all.put("port", port);
        if (httpClient != null) {
            client = httpClient;
        }
        scheme = httpScheme;
        configuration("org.opsbench.rest").update(new Hashtable<>(all));
        long until = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < until) {
            try {
                // the resources are served by the Jakarta REST whiteboard, which deploys its servlet some time after
                // the runtime's own: readiness says when (and so checks that it says so)
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/health/ready"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.body().contains(RESOURCES_UP)) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        fail("the REST API did not serve its resources on " + uri("/health/ready"));
    }

    /** The URI of {@code path} on the running API. */
    public URI uri(String path) {
        return URI.create(scheme + "://127.0.0.1:" + port + path);
    }

    /** The port the API listens on. */
    public int port() {
        return port;
    }

    /** The HTTP client of these tests. */
    public HttpClient client() {
        return client;
    }

    /** The security area's API token store, as the tests use it. */
    public Tokens tokens() {
        return tokens;
    }

    /** Logs in as the first start's admin. */
    public Principal admin() throws Exception {
        Path file = Path.of(context.getProperty(Database.WORKSPACE_PROPERTY)).resolve("security")
                .resolve("initial-admin-password");
        return service(Authentication.class).login("admin", Files.readString(file).toCharArray());
    }

    /** A user principal as the security area returns it. */
    public Principal login(String login) throws Exception {
        return service(Authentication.class).login(login, PASSWORD.toCharArray());
    }

    /** The newest service of {@code type}. */
    public <T> T service(Class<T> type) throws Exception {
        return context.getService(reference(type, ""));
    }

    /** The framework's bundle context. */
    public BundleContext context() {
        return context;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Configuration configuration(String pid) throws Exception {
        ConfigurationAdmin admin = context.getService(reference(ConfigurationAdmin.class, ""));
        return admin.getConfiguration(pid, "?");
    }

    private <T> ServiceReference<T> reference(Class<T> type, String filter) throws Exception {
        String full = "(&(objectClass=" + type.getName() + ")" + filter + ")";
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, context.createFilter(full), null);
        tracker.open();
        try {
            assertNotNull(tracker.waitForService(WAIT_MILLIS), "no service " + full);
            ServiceReference<T>[] refs = tracker.getServiceReferences();
            ServiceReference<T> newest = refs[0];
            for (ServiceReference<T> r : refs) {
                if ((Long) r.getProperty("service.id") > (Long) newest.getProperty("service.id")) {
                    newest = r;
                }
            }
            return newest;
        } finally {
            tracker.close();
        }
    }
}

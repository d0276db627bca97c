package org.opsbench.rest.internal.openapi;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * What the OpenAPI document and the metrics list: every resource service on the Jakarta REST whiteboard (property
 * {@code osgi.jakartars.resource=true}) read by its {@code jakarta.ws.rs} annotations into {@link Route}s. Jersey
 * serves them (through the whiteboard); this only describes them. Resources come and go at any time.
 */
@Component(service = ResourceDocs.class)
public final class ResourceDocs {

    /** The whiteboard property that marks a resource service. */
    public static final String RESOURCE_PROPERTY = "osgi.jakartars.resource";

    private final Map<ServiceReference<Object>, List<Route>> routes = new ConcurrentHashMap<>();
    private final ServiceTracker<Object, Object> tracker;
    private final Logger log;

    /** Starts tracking resource services. */
    @Activate
    public ResourceDocs(BundleContext context, @Reference(service = LoggerFactory.class) LoggerFactory loggers)
            throws Exception {
        this.log = loggers.getLogger(ResourceDocs.class);
        tracker = new ServiceTracker<>(context, context.createFilter("(" + RESOURCE_PROPERTY + "=true)"), null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                Object service = super.addingService(reference);
                if (service != null) {
                    List<Route> found = routesOf(service);
                    if (found.isEmpty()) {
                        log.warn("resource {} has no @Path with @GET/@POST/@PUT/@DELETE methods",
                                service.getClass().getName());
                    }
                    routes.put(reference, found);
                }
                return service;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Object service) {
                routes.remove(reference);
                super.removedService(reference, service);
            }
        };
        tracker.open(true);
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    /** The {@code service.id} of every resource service registered now. */
    public java.util.Set<Long> serviceIds() {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        routes.keySet().forEach(r -> ids.add((Long) r.getProperty("service.id")));
        return ids;
    }

    /** Every route, sorted by template and method. */
    public List<Route> routes() {
        List<Route> all = new ArrayList<>();
        routes.values().forEach(all::addAll);
        all.sort(Comparator.comparing(Route::template).thenComparing(Route::httpMethod));
        return all;
    }

    /** Routes of one resource object. */
    static List<Route> routesOf(Object resource) {
        Class<?> type = resource.getClass();
        Path classPath = type.getAnnotation(Path.class);
        if (classPath == null) {
            return List.of();
        }
        List<Route> found = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String http = httpMethod(method);
            if (http == null) {
                continue;
            }
            Path sub = method.getAnnotation(Path.class);
            String template = join(classPath.value(), sub == null ? "" : sub.value());
            found.add(new Route(http, template, resource, method));
        }
        return found;
    }

    /**
     * The path template of resource {@code method} of {@code type} (the class {@code @Path} joined with the method's),
     * or {@code null} when the class has none.
     */
    public static String template(Class<?> type, Method method) {
        Path classPath = type.getAnnotation(Path.class);
        if (classPath == null) {
            return null;
        }
        Path sub = method.getAnnotation(Path.class);
        return join(classPath.value(), sub == null ? "" : sub.value());
    }

    private static String httpMethod(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return null;
    }

    static String join(String a, String b) {
        String joined = "/" + strip(a) + (strip(b).isEmpty() ? "" : "/" + strip(b));
        return joined.equals("/") ? "/" : joined;
    }

    private static String strip(String s) {
        String t = s.trim();
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}

package org.opsbench.rest.internal.jaxrs;

import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Application;

import org.opsbench.rest.internal.ApiCore;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Jakarta REST application of the API: it takes the place of the whiteboard's default application
 * ({@code osgi.jakartars.name=.default}), so every resource service ({@code osgi.jakartars.resource=true}) joins it,
 * and it carries the runtime's own providers, so that they come and go with it. The whiteboard itself (Eclipse OSGi
 * Technology, on the servlet whiteboard) starts only with a configuration: this component gives it one when it is
 * activated, so the whiteboard never builds the API without these providers at start-up. (Should the application go
 * away while the whiteboard runs, resources still refuse every call: {@code ApiCaller.principal} finds no caller.)
 */
@Component(service = Application.class, immediate = true, property = {"osgi.jakartars.name=.default",
        "osgi.jakartars.application.base=/"})
public final class RestApplication extends Application {

    /**
     * Jersey warns, each time the whiteboard rebuilds the application (once per resource that arrives), that resource
     * classes "do not implement any provider interfaces", and that WADL is off for want of JAXB: both true, both
     * harmless, and a screenful in every server start's log. Those two loggers report only errors; the references are
     * kept because java.util.logging holds its loggers weakly.
     */
    static final List<Logger> QUIET = List.of(
            quiet("org.glassfish.jersey.internal.inject.Providers"),
            quiet("org.glassfish.jersey.server.wadl.WadlFeature"));

    private final Set<Object> singletons;

    /**
     * The PID of the Jakarta REST whiteboard on the servlet whiteboard; its defaults (every HTTP runtime, base path
     * {@code /}) are what the API needs.
     */
    static final String WHITEBOARD_PID = "JakartarsServletWhiteboardRuntimeComponent";

    /** With the shared runtime; gives the whiteboard its configuration when it has none. */
    @Activate
    public RestApplication(@Reference ApiCore core, @Reference ConfigurationAdmin configurationAdmin)
            throws IOException {
        this.singletons = Set.of(new AuthFilter(core), new ResultFilter(), new ProblemMapper(core),
                new JsonProvider(core.json()), new Params());
        Configuration whiteboard = configurationAdmin.getConfiguration(WHITEBOARD_PID, null);
        if (whiteboard.getProperties() == null) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("opsbench.configuredBy", "org.opsbench.rest");
            whiteboard.update(props);
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    @Override
    public Set<Object> getSingletons() {
        return singletons;
    }

    @Override
    public Map<String, Object> getProperties() {
        // no WADL document; errors are answered by our mapper as bodies, never through the container's error page
        return Map.of("jersey.config.server.wadl.disableWadl", true,
                "jersey.config.server.response.setStatusOverSendError", true);
    }
}

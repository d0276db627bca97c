package org.opsbench.rest.internal.jaxrs;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.Application;

import org.opsbench.rest.internal.ApiCore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Jakarta REST application of the API: it takes the place of the whiteboard's default application
 * ({@code osgi.jakartars.name=.default}), so every resource service ({@code osgi.jakartars.resource=true}) joins it,
 * and it carries the runtime's own providers. Since they are part of the application, no resource is ever served
 * without authentication, strict JSON or problem details.
 */
@Component(service = Application.class, property = {"osgi.jakartars.name=.default",
        "osgi.jakartars.application.base=/"})
public final class RestApplication extends Application {

    private final Set<Object> singletons;

    /** With the shared runtime. */
    @Activate
    public RestApplication(@Reference ApiCore core) {
        this.singletons = Set.of(new AuthFilter(core), new ResultFilter(), new ProblemMapper(core),
                new JsonProvider(core.json()), new Params());
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

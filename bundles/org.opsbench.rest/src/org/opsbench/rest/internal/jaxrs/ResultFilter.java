package org.opsbench.rest.internal.jaxrs;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

import org.opsbench.rest.Created;
import org.opsbench.rest.internal.ApiCore;
import org.opsbench.rest.internal.openapi.ResourceDocs;

/**
 * A {@code POST} of a {@link Created} method answers 201 with the new resource's {@code Location}; the request is
 * marked with the path template it matched for the statistics.
 */
final class ResultFilter implements ContainerResponseFilter {

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Created created = method.getAnnotation(Created.class);
        if (created != null && request.getMethod().equals("POST") && response.getStatus() == 200
                && response.hasEntity()) {
            response.setStatus(201);
            String id = component(response.getEntity(), created.value());
            if (id != null) {
                response.getHeaders().putSingle(HttpHeaders.LOCATION,
                        request.getUriInfo().getAbsolutePathBuilder().path(id).build());
            }
        }
        String template = ResourceDocs.template(resource.getResourceClass(), method);
        if (template != null) {
            request.setProperty(ApiCore.ROUTE_ATTRIBUTE, template);
        }
    }

    /** The value of the (dotted) record component {@code path} of {@code entity}, or {@code null}. */
    static String component(Object entity, String path) {
        Object value = entity;
        for (String name : path.split("\\.")) {
            if (value == null || !value.getClass().isRecord()) {
                return null;
            }
            Object next = null;
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                if (c.getName().equals(name)) {
                    try {
                        next = c.getAccessor().invoke(value);
                    } catch (ReflectiveOperationException e) {
                        return null;
                    }
                }
            }
            value = next;
        }
        return value == null ? null : value.toString();
    }
}

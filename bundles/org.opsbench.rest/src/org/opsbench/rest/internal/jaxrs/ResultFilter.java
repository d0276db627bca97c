package org.opsbench.rest.internal.jaxrs;

import java.lang.reflect.Method;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;

import org.opsbench.rest.internal.ApiCore;
import org.opsbench.rest.internal.openapi.ResourceDocs;

/**
 * A {@code POST} answering a body answers 201 (Created), and the request is marked with the path template it matched
 * for the statistics.
 */
final class ResultFilter implements ContainerResponseFilter {

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getMethod().equals("POST") && response.getStatus() == 200 && response.hasEntity()) {
            response.setStatus(201);
        }
        Method method = resource.getResourceMethod();
        if (method != null) {
            String template = ResourceDocs.template(resource.getResourceClass(), method);
            if (template != null) {
                request.setProperty(ApiCore.ROUTE_ATTRIBUTE, template);
            }
        }
    }
}

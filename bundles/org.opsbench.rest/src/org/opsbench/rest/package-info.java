/**
 * The REST API of the headless server, as seen by the bundles that add resources to it (1.0.0). The runtime (this
 * bundle's internal packages) serves HTTP, authenticates every call, turns exceptions into RFC 9457 problem details,
 * generates the OpenAPI document and serves {@code /health/*} and {@code /metrics}.
 *
 * <h2>Writing a resource</h2>
 * <ul>
 * <li>A DS component registered as a service (any interface, or its own class) with the property
 * {@code osgi.jakartars.resource=true}, for example
 * {@code @Component(service = TicketsResource.class, property = "osgi.jakartars.resource=true")}. It lives in the
 * area's own bundle or in an {@code <area>.rest} bundle and calls the area's services, never around them.</li>
 * <li>The class is annotated {@code @Path("api/v1/<plural>")}; methods carry {@code @GET}, {@code @POST}, {@code @PUT}
 * or {@code @DELETE}, optionally {@code @Path("{id}")} or {@code @Path("{id}/close")} (templates with
 * {@code {params}}), {@code @Produces("application/json")}, and {@link ApiDoc} for the OpenAPI summary.</li>
 * <li>Parameters: {@code @PathParam}, {@code @QueryParam} (String, int, long, boolean, enums) with
 * {@code @DefaultValue}, {@code @Context SecurityContext}, and at most one un-annotated parameter: the request body, a
 * record. The caller is {@link ApiCaller#principal(jakarta.ws.rs.core.SecurityContext)}: pass it to the area's service,
 * which checks the permission.</li>
 * <li>Lists are paged:
 * {@code @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit},
 * returning {@link Page}{@code <Dto>} (see {@link Page#of(java.util.List, int, int)}).</li>
 * <li>DTOs and bodies are Java records of JSON-friendly types: String, numbers, boolean, enums, {@code Instant}
 * (ISO-8601), {@code List}, {@code Map<String, ...>} and nested records. Entities never leave the area. Unknown JSON
 * fields are refused (400 naming the field).</li>
 * <li>A method returning {@code void} answers 204; a {@code @POST} that creates is marked {@link Created} and answers
 * 201 with the new resource's {@code Location}; others answer 200.</li>
 * <li>Errors are thrown, never returned: {@link ApiProblem} (any status), {@code IllegalArgumentException} (400),
 * {@code org.opsbench.core.security.NotAllowedException} (403), {@code java.util.NoSuchElementException} (404),
 * {@code IllegalStateException} (409). Anything else is a 500 with a generic message and an error id that is logged; no
 * stack trace ever reaches a client.</li>
 * </ul>
 *
 * <h2>Operations</h2> Any bundle adds Prometheus metrics by registering a {@link MetricsSource} service, and a
 * readiness condition by registering a {@link HealthIndicator} service. The server's credentials are checked by an
 * {@link ApiAuthenticator} service (the security area provides it, so that this platform bundle imports no area).
 * <p>
 * {@link MetricsSource}, {@link HealthIndicator} and {@link ApiAuthenticator} are consumer types (other bundles
 * implement them); {@link MetricsSink} is a provider type (only the runtime implements it).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.opsbench.rest;

package org.opsbench.security.rest.internal;

import java.time.Duration;
import java.time.Instant;

import org.opsbench.core.Principal;
import org.opsbench.rest.ApiCaller;
import org.opsbench.rest.ApiDoc;
import org.opsbench.rest.Created;
import org.opsbench.rest.ApiProblem;
import org.opsbench.rest.Page;
import org.opsbench.security.ApiTokens;
import org.opsbench.security.IssuedToken;
import org.opsbench.security.rest.internal.SecurityDtos.IssuedTokenDto;
import org.opsbench.security.rest.internal.SecurityDtos.NewToken;
import org.opsbench.security.rest.internal.SecurityDtos.TokenDto;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /api/v1/tokens}: the caller's own API tokens ({@code security:tokens}, checked by the service). */
@Component(service = TokensResource.class, property = "osgi.jakartars.resource=true")
@Path("api/v1/tokens")
@Produces("application/json")
public final class TokensResource {

    static final int MAX_DAYS = 3660;

    private final ApiTokens tokens;

    @Activate
    public TokensResource(@Reference ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GET
    @ApiDoc(summary = "The caller's API tokens, newest first (never their secrets)")
    public Page<TokenDto> list(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit, @Context SecurityContext security) {
        Page.validate(offset, limit);
        Principal caller = ApiCaller.principal(security);
        return Page.of(tokens.list(caller, caller.name()).stream().map(TokenDto::of).toList(), offset, limit);
    }

    @POST
    @Created("token.id")
    @ApiDoc(summary = "Issues an API token for the caller; the answer holds its secret, the only time it is shown", description = "Body: label, and expiresAt (ISO-8601) or days (1-3660).")
    public IssuedTokenDto issue(NewToken body, @Context SecurityContext security) {
        Principal caller = ApiCaller.principal(security);
        if (body == null) {
            throw ApiProblem.badRequest(null, "a JSON body with label and expiresAt or days is required");
        }
        if (body.expiresAt() != null && body.days() != null) {
            throw ApiProblem.badRequest("days", "give expiresAt or days, not both");
        }
        Instant expires = body.expiresAt();
        if (expires == null) {
            if (body.days() == null) {
                throw ApiProblem.badRequest("expiresAt", "expiresAt or days is required");
            }
            if (body.days() < 1 || body.days() > MAX_DAYS) {
                throw ApiProblem.badRequest("days", "days must be 1-" + MAX_DAYS + ", was " + body.days());
            }
            expires = Instant.now().plus(Duration.ofDays(body.days()));
        }
        try {
            IssuedToken issued = tokens.issue(caller, caller.name(), body.label(), expires);
            return new IssuedTokenDto(TokenDto.of(issued.token()), issued.secret());
        } catch (IllegalArgumentException e) {
            // the service names the field first: "label: required"
            String message = e.getMessage() == null ? "" : e.getMessage();
            int colon = message.indexOf(':');
            throw ApiProblem.badRequest(colon > 0 ? message.substring(0, colon) : null, message);
        }
    }

    @DELETE
    @Path("{id}")
    @ApiDoc(summary = "Revokes one of the caller's API tokens (an administrator's: anyone's)")
    public void revoke(@PathParam("id") String id, @Context SecurityContext security) {
        tokens.revoke(ApiCaller.principal(security), id);
    }
}

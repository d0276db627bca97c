package org.opsbench.rest.areas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opsbench.core.Principal;
import org.opsbench.rest.ApiAuthenticator;
import org.opsbench.rest.ApiProblem;
import org.opsbench.rest.Page;
import org.opsbench.security.rest.internal.AuditResource;
import org.opsbench.security.rest.internal.SecurityDtos;
import org.opsbench.security.rest.internal.TokensResource;

import jakarta.ws.rs.core.SecurityContext;

/** Tokens of the caller over the resource and the authenticator; the audit trail read with filters and paging. */
class SecurityResourcesTest {

    @Test
    void aCallerIssuesListsAndRevokesOwnTokensAndTheAuthenticatorFollows() throws Exception {
        Principal vera = Areas.user("viewer");
        SecurityContext as = Areas.as(vera);
        TokensResource tokens = Areas.service(TokensResource.class);
        ApiAuthenticator authenticator = Areas.service(ApiAuthenticator.class);

        long before = tokens.list(0, 500, as).total();
        var issued = tokens.issue(new SecurityDtos.NewToken("deploy", null, 30), as);
        assertTrue(issued.secret().startsWith("obt_" + issued.token().id() + "_"), issued.secret());
        assertEquals(vera.name(), issued.token().user());
        assertTrue(issued.token().active());
        assertEquals(vera.name(), authenticator.authenticateToken(issued.secret()).name());

        Page<SecurityDtos.TokenDto> page = tokens.list(0, 500, as);
        assertEquals(before + 1, page.total());
        assertEquals(1, page.items().stream().filter(t -> t.id().equals(issued.token().id())).count());
        assertFalse(page.items().toString().contains(issued.secret().substring(17)), "no secret in a list");

        tokens.revoke(issued.token().id(), as);
        ApiProblem refused = assertThrows(ApiProblem.class, () -> authenticator.authenticateToken(issued.secret()));
        assertEquals(401, refused.status());
        assertEquals("the API token was revoked", refused.detail());
        assertEquals(401, assertThrows(ApiProblem.class, () -> authenticator.authenticateToken("obt_nonsense"))
                .status());
        assertThrows(java.util.NoSuchElementException.class, () -> tokens.revoke("aaaaaaaaaaaa", as));
    }

    @Test
    void badTokenBodiesAreRefusedNamingTheField() throws Exception {
        SecurityContext as = Areas.as(Areas.user("operator"));
        TokensResource tokens = Areas.service(TokensResource.class);

        Areas.badRequest("label", () -> tokens.issue(new SecurityDtos.NewToken("  ", null, 5), as));
        Areas.badRequest("days", () -> tokens.issue(new SecurityDtos.NewToken("x", null, 0), as));
        Areas.badRequest("days",
                () -> tokens.issue(new SecurityDtos.NewToken("x", Instant.now().plusSeconds(60), 3), as));
        Areas.badRequest("expiresAt", () -> tokens.issue(new SecurityDtos.NewToken("x", null, null), as));
        Areas.badRequest("expiresAt",
                () -> tokens.issue(new SecurityDtos.NewToken("x", Instant.parse("2001-01-01T00:00:00Z"),
                        null), as));
        Areas.badRequest(null, () -> tokens.issue(null, as));
        Areas.badRequest("limit", () -> tokens.list(0, 501, as));
        assertEquals(0, tokens.list(0, 50, as).total(), "nothing was issued");
    }

    @Test
    void aSessionLoginIsCheckedByTheSecurityArea() throws Exception {
        Principal otto = Areas.user("operator");
        ApiAuthenticator authenticator = Areas.service(ApiAuthenticator.class);
        assertEquals(otto.name(), authenticator.login(otto.name(), Areas.PASSWORD.toCharArray()).name());
        ApiProblem wrong = assertThrows(ApiProblem.class,
                () -> authenticator.login(otto.name(), "not-the-password".toCharArray()));
        assertEquals(401, wrong.status());
        authenticator.logout(otto);
    }

    @Test
    void theAuditIsReadByActorActionAndTimeWithPagingAndOnlyWithThePermission() throws Exception {
        Principal auditor = Areas.user("auditor");
        Principal viewer = Areas.user("viewer");
        Instant start = Instant.now().minusMillis(1);
        TokensResource tokens = Areas.service(TokensResource.class);

        for (int i = 0; i < 3; i++) {
            tokens.issue(new SecurityDtos.NewToken("audit-" + i, null, 1), Areas.as(viewer));
        }
        AuditResource audit = Areas.service(AuditResource.class);
        SecurityContext as = Areas.as(auditor);
        var all = audit.list(viewer.name(), "security.token", null, null, start.toString(), null, 0, 50, as);
        assertEquals(3, all.total(), all.toString());
        assertTrue(all.items().stream().allMatch(r -> r.action().equals("security.token.issue")
                && r.actor().equals(viewer.name()) && r.objectType().equals("apitoken")));
        var second = audit.list(viewer.name(), "security.token.issue", null, null, start.toString(), null, 1, 1, as);
        assertEquals(List.of(all.items().get(1)), second.items());
        assertEquals(3, second.total());
        assertEquals(0, audit.list(viewer.name(), "security.token", null, null, null, start.toString(), 0, 50, as)
                .items().stream().filter(r -> r.summary().contains("audit-")).count(), "to is exclusive");
        Areas.badRequest("from", () -> audit.list(null, null, null, null, "yesterday", null, 0, 50, as));
        Areas.badRequest("to", () -> audit.list(null, null, null, null, start.toString(), start.toString(), 0, 50,
                as));
        Areas.forbidden(() -> audit.list(null, null, null, null, null, null, 0, 50, Areas.as(viewer)));
        Areas.forbidden(() -> audit.list(null, null, null, null, null, null, 0, 50, Areas.as(Areas.NOBODY)));
    }
}

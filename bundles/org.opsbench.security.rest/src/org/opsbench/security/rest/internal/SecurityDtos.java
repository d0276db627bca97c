package org.opsbench.security.rest.internal;

import java.time.Instant;

import org.opsbench.core.security.AuditRecord;
import org.opsbench.security.ApiToken;

/** The JSON shapes of the security resources. */
public final class SecurityDtos {

    private SecurityDtos() {
    }

    /** One audit record. */
    public record AuditDto(long sequence, Instant time, String actor, String actorKind, String action,
            String objectType,
            String objectId, String summary, String before, String after) {

        static AuditDto of(AuditRecord r) {
            return new AuditDto(r.sequence(), r.time(), r.entry().principal().name(),
                    r.entry().principal().kind().name(), r.entry().action(), r.entry().objectType(),
                    r.entry().objectId(), r.entry().summary(), r.entry().before(), r.entry().after());
        }
    }

    /** An API token as listed (never its secret). */
    public record TokenDto(String id, String user, String label, Instant createdAt, Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt, boolean active) {

        static TokenDto of(ApiToken t) {
            return new TokenDto(t.id(), t.user(), t.label(), t.createdAt(), t.expiresAt(), t.lastUsedAt(),
                    t.revokedAt(), t.isActive(Instant.now()));
        }
    }

    /** Body of {@code POST /api/v1/tokens}: a label and either an expiry time or a number of days. */
    public record NewToken(String label, Instant expiresAt, Integer days) {
    }

    /** A token just issued, with its secret: the only answer that ever carries it. */
    public record IssuedTokenDto(TokenDto token, String secret) {
    }
}

package org.opsbench.security.rest.internal;

import java.time.Duration;
import java.time.Instant;

import org.opsbench.core.Principal;
import org.opsbench.rest.ApiAuthenticator;
import org.opsbench.rest.ApiProblem;
import org.opsbench.security.ApiTokens;
import org.opsbench.security.Authentication;
import org.opsbench.security.LoginException;
import org.opsbench.security.LoginFailure;
import org.opsbench.security.TokenException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The REST runtime's credentials, checked by the security area: bearer secrets through {@link ApiTokens}, session
 * logins through {@link Authentication} (with its lock-out, answered as 429). Token guessing is rate-limited per client
 * address by the runtime; the secrets' 256 random bits do the rest.
 */
@Component(service = ApiAuthenticator.class)
public final class SecurityAuthenticator implements ApiAuthenticator {

    private final ApiTokens tokens;
    private final Authentication authentication;

    @Activate
    public SecurityAuthenticator(@Reference ApiTokens tokens, @Reference Authentication authentication) {
        this.tokens = tokens;
        this.authentication = authentication;
    }

    @Override
    public Principal authenticateToken(String secret) {
        try {
            return tokens.authenticate(secret);
        } catch (TokenException e) {
            throw ApiProblem.unauthorized(e.getMessage());
        }
    }

    @Override
    public Principal login(String login, char[] password) {
        try {
            return authentication.login(login, password);
        } catch (LoginException e) {
            throw switch (e.failure()) {
                case LoginFailure.InvalidCredentials c -> ApiProblem.unauthorized("wrong login or password");
                case LoginFailure.Disabled d -> ApiProblem.forbidden("the account is disabled");
                case LoginFailure.Locked l -> ApiProblem.tooManyRequests(
                        "too many failed logins: the login is locked until " + l.until(),
                        Math.max(1, Duration.between(Instant.now(), l.until()).toSeconds() + 1));
            };
        }
    }

    @Override
    public void logout(Principal principal) {
        authentication.logout(principal);
    }
}

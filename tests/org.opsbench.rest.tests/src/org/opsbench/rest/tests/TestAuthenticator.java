package org.opsbench.rest.tests;

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

/**
 * Test-only {@link ApiAuthenticator} over the real security {@link Authentication} and the tests' {@link ApiTokens},
 * standing in until the security area's authenticator is in this runtime.
 */
final class TestAuthenticator implements ApiAuthenticator {

    private final ApiTokens tokens;
    private final Authentication authentication;

    TestAuthenticator(ApiTokens tokens, Authentication authentication) {
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
                        "too many failed logins: the account is locked until " + l.until(),
                        Math.max(1, Duration.between(Instant.now(), l.until()).toSeconds() + 1));
            };
        }
    }

    @Override
    public void logout(Principal principal) {
        authentication.logout(principal);
    }
}

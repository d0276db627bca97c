package org.opsbench.rest;

import org.opsbench.core.Principal;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks the credentials of REST calls. The security area registers the implementation (over its API tokens and
 * logins), so that the runtime, a platform bundle, imports no area. Implementations audit logins and logouts.
 */
@ConsumerType
public interface ApiAuthenticator {

    /**
     * The principal an API token secret stands for.
     *
     * @throws ApiProblem
     *             401 saying why it is refused (unknown, expired, revoked, user disabled), never repeating the secret
     */
    Principal authenticateToken(String secret);

    /**
     * Logs a user in for a session.
     *
     * @param password
     *            wiped by this method
     * @throws ApiProblem
     *             401 for a wrong login or password, 403 for a disabled account, 429 (with a retry delay) while the
     *             account is locked
     */
    Principal login(String login, char[] password);

    /** Ends {@code principal}'s session (audited). */
    void logout(Principal principal);
}

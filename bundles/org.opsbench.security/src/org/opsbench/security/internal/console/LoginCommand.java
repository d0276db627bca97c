package org.opsbench.security.internal.console;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.core.Principal;
import org.opsbench.core.security.SessionKeys;
import org.opsbench.security.Authentication;
import org.opsbench.security.LoginException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code login LOGIN} (password from the keyboard), {@code logout}, {@code whoami}, {@code passwd} (own password): the
 * console session's principal.
 */
@Component(service = LoginCommand.class, property = {SecurityCommand.SCOPE, "osgi.command.function=login",
        "osgi.command.function=logout", "osgi.command.function=whoami", "osgi.command.function=passwd"})
public final class LoginCommand {

    private final Authentication authentication;

    @Activate
    public LoginCommand(@Reference Authentication authentication) {
        this.authentication = authentication;
    }

    /** Logs the console session in. */
    public String login(CommandSession session, String login) {
        char[] password = SecurityCommand.readSecret(session, "password for " + login + ": ");
        try {
            Principal p = authentication.login(login, password);
            session.put(SessionKeys.PRINCIPAL, p);
            return "logged in as " + p.name() + " (" + p.displayName() + ")";
        } catch (LoginException e) {
            return "error: " + e.getMessage();
        }
    }

    /** Changes the logged-in user's own password (old and new from the keyboard). */
    public String passwd(CommandSession session) {
        if (!(session.get(SessionKeys.PRINCIPAL) instanceof Principal p)) {
            return "error: not logged in: use opsbench:login LOGIN";
        }
        char[] old = SecurityCommand.readSecret(session, "current password: ");
        char[] fresh = SecurityCommand.readSecret(session, "new password: ");
        try {
            authentication.changePassword(p.name(), old, fresh);
            return "password changed";
        } catch (LoginException | IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
    }

    /** Ends the console session's login. */
    public String logout(CommandSession session) {
        if (session.get(SessionKeys.PRINCIPAL) instanceof Principal p) {
            authentication.logout(p);
            session.put(SessionKeys.PRINCIPAL, null);
            return "logged out " + p.name();
        }
        return "not logged in";
    }

    /** The console session's principal. */
    public String whoami(CommandSession session) {
        return session.get(SessionKeys.PRINCIPAL) instanceof Principal p
                ? p.name() + " (" + p.displayName() + ")"
                : "not logged in";
    }

}

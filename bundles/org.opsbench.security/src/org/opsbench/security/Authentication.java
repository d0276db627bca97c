package org.opsbench.security;

import java.util.Optional;

import org.opsbench.core.Principal;

/**
 * Logs users in. The workbench's login dialog, the console's {@code opsbench:login} and (later) REST call it and then
 * pass the returned {@link Principal} to every service call of that session.
 * <p>
 * Failures never tell which accounts exist: an unknown login and a wrong password fail alike, and unknown logins are
 * locked out like known ones. Only a caller who gave the right password learns that the account is disabled.
 */
public interface Authentication {

    /**
     * Checks {@code password} for {@code login}, records the login time and audits it.
     *
     * @param password
     *            wiped by this method
     * @throws LoginException
     *             with the {@link LoginFailure} that explains the refusal
     */
    Principal login(String login, char[] password) throws LoginException;

    /**
     * Changes a user's own password, checking the old one (the same failures as {@link #login}). When the administrator
     * changes the initial password, the file holding it is deleted.
     *
     * @param oldPassword
     *            wiped by this method
     * @param newPassword
     *            wiped by this method
     * @throws IllegalArgumentException
     *             when the new password is too short
     */
    void changePassword(String login, char[] oldPassword, char[] newPassword) throws LoginException;

    /**
     * The local administrator of a single-user workspace (configuration {@code singleUser=true}), for a workbench that
     * skips the login dialog. Its name is {@code local:<os user>}, so the audit trail shows that nobody logged in.
     * Empty when the workspace is not configured for single-user mode.
     */
    Optional<Principal> localAdministrator();

    /** Audits the end of a session. */
    void logout(Principal principal);
}

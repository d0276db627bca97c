package org.opsbench.security.ui.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.opsbench.core.Principal;
import org.opsbench.security.IdentityAdmin;
import org.opsbench.security.Role;
import org.opsbench.security.User;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Users and roles: create users, enable or disable them, reset passwords, assign roles; the roles with their
 * permissions below. Every change goes through {@link IdentityAdmin}, which checks and audits it.
 */
public class UsersPart {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    IdentityAdmin admin;

    private TableSupport<User> users;
    private TableSupport<Role> roles;
    private MessageLine message;
    private List<Role> knownRoles = List.of();

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(5, false));
        Buttons.push(bar, "New user…", "users.new", this::newUser);
        Buttons.push(bar, "Enable / disable", "users.toggle", this::toggleEnabled);
        Buttons.push(bar, "Reset password…", "users.reset", this::resetPassword);
        Buttons.push(bar, "Roles…", "users.roles", this::assignRoles);
        Buttons.push(bar, "Refresh", "users.refresh", this::refresh);
        message = new MessageLine(parent, "users.message");

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        users = new TableSupport<>(sash, "users");
        users.column("Login", 120, User::login).column("Name", 170, User::displayName)
                .column("E-mail", 190, User::email).column("Enabled", 70, u -> u.enabled() ? "yes" : "no")
                .column("Roles", 200, u -> String.join(", ", u.roles().stream().sorted().toList()))
                .column("Last login", 130, u -> u.lastLogin() == null ? "never" : TIME.format(u.lastLogin()),
                        Comparator.comparing(User::lastLogin, Comparator.nullsFirst(Comparator.naturalOrder())));
        roles = new TableSupport<>(sash, "roles");
        roles.column("Role", 120, Role::name).column("Description", 260, Role::description)
                .column("Built-in", 70, r -> r.builtIn() ? "yes" : "")
                .column("Permissions", 420, r -> String.join(", ", r.permissions().stream().sorted().toList()));
        sash.setWeights(65, 35);
        users.sortBy(0);
        roles.sortBy(0);
        refresh();
    }

    void refresh() {
        if (admin == null) {
            show("The security service is not running.", true);
            return;
        }
        record Snapshot(List<User> users, List<Role> roles) {
        }
        Background.run(ui, "Reading users and roles", false,
                () -> new Snapshot(admin.users(principal), admin.roles(principal)), s -> {
                    if (!users.viewer().getTable().isDisposed()) {
                        knownRoles = s.roles();
                        users.setRows(s.users());
                        roles.setRows(s.roles());
                    }
                }, error -> show(Background.message(error), true));
    }

    private void newUser() {
        if (admin == null) {
            return;
        }
        Map<String, Object> v = new FormDialog(message.control().getShell(), "New user",
                "The user logs in with this login and password.").text("login", "Login", "")
                .text("name", "Display name", "").text("email", "E-mail", "").password("password", "Password")
                .password("repeat", "Repeat password").checks("roles", "Roles", roleNames(), Set.of("viewer"))
                .validate(UsersPart::checkNewUser).ask();
        if (v == null) {
            return;
        }
        char[] password = (char[]) v.get("password");
        Arrays.fill((char[]) v.get("repeat"), '\0');
        @SuppressWarnings("unchecked")
        Set<String> chosen = (Set<String>) v.get("roles");
        String login = (String) v.get("login");
        change("Creating user " + login, () -> {
            try {
                return admin.createUser(principal, login, (String) v.get("name"), (String) v.get("email"), password,
                        chosen);
            } finally {
                Arrays.fill(password, '\0');
            }
        }, "Created user " + login);
    }

    static String checkNewUser(Map<String, Object> v) {
        String login = (String) v.get("login");
        if (login.isEmpty() || !login.matches("[A-Za-z0-9._@-]{1,64}")) {
            return "Login: 1 to 64 letters, digits or . _ @ -";
        }
        return checkPasswords(v);
    }

    static String checkPasswords(Map<String, Object> v) {
        char[] password = (char[]) v.get("password");
        if (password.length < 12) {
            return "Password: at least 12 characters.";
        }
        if (!Arrays.equals(password, (char[]) v.get("repeat"))) {
            return "Repeat password: does not match the password.";
        }
        return null;
    }

    private void toggleEnabled() {
        User user = selected();
        if (user != null) {
            boolean enable = !user.enabled();
            change((enable ? "Enabling " : "Disabling ") + user.login(), () -> {
                admin.setEnabled(principal, user.login(), enable);
                return null;
            }, (enable ? "Enabled " : "Disabled ") + user.login());
        }
    }

    private void resetPassword() {
        User user = selected();
        if (user == null) {
            return;
        }
        Map<String, Object> v = new FormDialog(message.control().getShell(), "Reset password",
                "A new password for " + user.login() + ".").password("password", "New password")
                .password("repeat", "Repeat password").validate(UsersPart::checkPasswords).ask();
        if (v == null) {
            return;
        }
        char[] password = (char[]) v.get("password");
        Arrays.fill((char[]) v.get("repeat"), '\0');
        change("Resetting the password of " + user.login(), () -> {
            try {
                admin.resetPassword(principal, user.login(), password);
            } finally {
                Arrays.fill(password, '\0');
            }
            return null;
        }, "Password of " + user.login() + " reset");
    }

    private void assignRoles() {
        User user = selected();
        if (user == null) {
            return;
        }
        Map<String, Object> v = new FormDialog(message.control().getShell(), "Roles",
                "The roles of " + user.login() + ".")
                .checks("roles", "Roles", roleNames(), user.roles()).ask();
        if (v != null) {
            @SuppressWarnings("unchecked")
            Set<String> chosen = (Set<String>) v.get("roles");
            change("Assigning roles to " + user.login(), () -> {
                admin.setUserRoles(principal, user.login(), chosen);
                return null;
            }, "Roles of " + user.login() + ": " + String.join(", ", chosen));
        }
    }

    private <T> void change(String name, java.util.concurrent.Callable<T> work, String done) {
        Background.run(ui, name, true, work, r -> {
            show(done, false);
            refresh();
        }, error -> show(Background.message(error), true));
    }

    private User selected() {
        IStructuredSelection selection = users.viewer().getStructuredSelection();
        if (selection.isEmpty() || admin == null) {
            show("Select a user first.", true);
            return null;
        }
        return (User) selection.getFirstElement();
    }

    private List<String> roleNames() {
        return knownRoles.stream().map(Role::name).sorted().toList();
    }

    private void show(String text, boolean error) {
        if (error) {
            message.error(text);
        } else {
            message.info(text);
        }
    }
}

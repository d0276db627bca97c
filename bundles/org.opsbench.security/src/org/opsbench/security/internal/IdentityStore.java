package org.opsbench.security.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.opsbench.security.Group;
import org.opsbench.security.Role;
import org.opsbench.security.User;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Users, groups and roles in the security tables. No checks and no audit here: the services above do both. */
@Component(service = IdentityStore.class)
public final class IdentityStore {

    /** A user with the stored password hash (which never leaves this bundle). */
    record StoredUser(User user, String passwordHash) {
    }

    private final Jdbc jdbc;

    @Activate
    public IdentityStore(@Reference SecurityDatabase database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    Optional<StoredUser> user(String login) {
        return jdbc.tx(c -> Jdbc.query(c, "SELECT LOGIN, DISPLAY_NAME, EMAIL, ENABLED, LAST_LOGIN, PASSWORD_HASH"
                + " FROM SECURITY_USER WHERE LOGIN = ?",
                rs -> new StoredUser(user(c, rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getInt(4) == 1, rs.getObject(5)), rs.getString(6)),
                login)
                .stream().findFirst());
    }

    List<User> users() {
        return jdbc.tx(c -> {
            record Row(String login, String name, String email, boolean enabled, Object last) {
            }
            List<Row> rows = Jdbc.query(c, "SELECT LOGIN, DISPLAY_NAME, EMAIL, ENABLED, LAST_LOGIN FROM"
                    + " SECURITY_USER ORDER BY LOGIN",
                    rs -> new Row(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getInt(4) == 1, rs.getObject(5)));
            List<User> users = new java.util.ArrayList<>();
            for (Row r : rows) {
                users.add(user(c, r.login(), r.name(), r.email(), r.enabled(), r.last()));
            }
            return users;
        });
    }

    private static User user(Connection c, String login, String name, String email, boolean enabled, Object last)
            throws SQLException {
        Set<String> roles = new TreeSet<>(Jdbc.query(c, "SELECT ROLE_NAME FROM SECURITY_USER_ROLE WHERE LOGIN = ?",
                rs -> rs.getString(1), login));
        Set<String> groups = new TreeSet<>(Jdbc.query(c,
                "SELECT GROUP_NAME FROM SECURITY_GROUP_MEMBER WHERE LOGIN = ?", rs -> rs.getString(1), login));
        Instant lastLogin = last == null ? null : Instant.ofEpochMilli(((Number) last).longValue());
        return new User(login, name, email, enabled, lastLogin, roles, groups);
    }

    long countUsers() {
        return jdbc.tx(c -> Jdbc.query(c, "SELECT COUNT(*) FROM SECURITY_USER", rs -> rs.getLong(1)).get(0));
    }

    void insertUser(String login, String name, String email, String hash, Set<String> roles) {
        jdbc.tx(c -> {
            Jdbc.update(c, "INSERT INTO SECURITY_USER (LOGIN, DISPLAY_NAME, EMAIL, PASSWORD_HASH, ENABLED, CREATED)"
                    + " VALUES (?, ?, ?, ?, 1, ?)", login, name, email, hash, System.currentTimeMillis());
            replaceRoles(c, "SECURITY_USER_ROLE", "LOGIN", login, roles);
            return null;
        });
    }

    boolean updateUser(String login, String name, String email) {
        return jdbc.tx(c -> Jdbc.update(c, "UPDATE SECURITY_USER SET DISPLAY_NAME = ?, EMAIL = ? WHERE LOGIN = ?",
                name, email, login) == 1);
    }

    boolean setPasswordHash(String login, String hash) {
        return jdbc.tx(c -> Jdbc.update(c, "UPDATE SECURITY_USER SET PASSWORD_HASH = ? WHERE LOGIN = ?", hash,
                login) == 1);
    }

    boolean setEnabled(String login, boolean enabled) {
        return jdbc.tx(c -> Jdbc.update(c, "UPDATE SECURITY_USER SET ENABLED = ? WHERE LOGIN = ?", enabled ? 1 : 0,
                login) == 1);
    }

    void touchLogin(String login, Instant when) {
        jdbc.tx(c -> Jdbc.update(c, "UPDATE SECURITY_USER SET LAST_LOGIN = ? WHERE LOGIN = ?", when.toEpochMilli(),
                login));
    }

    boolean deleteUser(String login) {
        return jdbc.tx(c -> Jdbc.update(c, "DELETE FROM SECURITY_USER WHERE LOGIN = ?", login) == 1);
    }

    boolean setUserRoles(String login, Set<String> roles) {
        return jdbc.tx(c -> {
            if (Jdbc.query(c, "SELECT 1 FROM SECURITY_USER WHERE LOGIN = ?", rs -> 1, login).isEmpty()) {
                return false;
            }
            replaceRoles(c, "SECURITY_USER_ROLE", "LOGIN", login, roles);
            return true;
        });
    }

    List<Group> groups() {
        return jdbc.tx(c -> {
            List<String[]> rows = Jdbc.query(c, "SELECT NAME, DESCRIPTION FROM SECURITY_GROUP ORDER BY NAME",
                    rs -> new String[]{rs.getString(1), rs.getString(2)});
            List<Group> groups = new java.util.ArrayList<>();
            for (String[] r : rows) {
                groups.add(new Group(r[0], r[1],
                        new TreeSet<>(Jdbc.query(c, "SELECT ROLE_NAME FROM SECURITY_GROUP_ROLE WHERE GROUP_NAME = ?",
                                rs -> rs.getString(1), r[0])),
                        new TreeSet<>(Jdbc.query(c, "SELECT LOGIN FROM SECURITY_GROUP_MEMBER WHERE GROUP_NAME = ?",
                                rs -> rs.getString(1), r[0]))));
            }
            return groups;
        });
    }

    void saveGroup(Group group) {
        jdbc.tx(c -> {
            Jdbc.update(c, "DELETE FROM SECURITY_GROUP WHERE NAME = ?", group.name());
            Jdbc.update(c, "INSERT INTO SECURITY_GROUP (NAME, DESCRIPTION) VALUES (?, ?)", group.name(),
                    group.description());
            replaceRoles(c, "SECURITY_GROUP_ROLE", "GROUP_NAME", group.name(), group.roles());
            for (String login : group.members()) {
                Jdbc.update(c, "INSERT INTO SECURITY_GROUP_MEMBER (GROUP_NAME, LOGIN) VALUES (?, ?)", group.name(),
                        login);
            }
            return null;
        });
    }

    boolean deleteGroup(String name) {
        return jdbc.tx(c -> Jdbc.update(c, "DELETE FROM SECURITY_GROUP WHERE NAME = ?", name) == 1);
    }

    /** Every role with its stored permissions (empty for built-in roles: theirs come from declarations). */
    List<Role> roles() {
        return jdbc.tx(c -> {
            List<Role> bare = Jdbc.query(c, "SELECT NAME, DESCRIPTION, BUILT_IN FROM SECURITY_ROLE"
                    + " ORDER BY BUILT_IN DESC, NAME",
                    rs -> new Role(rs.getString(1), rs.getString(2), Set.of(),
                            rs.getInt(3) == 1));
            List<Role> roles = new java.util.ArrayList<>();
            for (Role r : bare) {
                roles.add(new Role(r.name(), r.description(), new TreeSet<>(Jdbc.query(c, "SELECT PERMISSION FROM"
                        + " SECURITY_ROLE_PERMISSION WHERE ROLE_NAME = ?", rs -> rs.getString(1), r.name())),
                        r.builtIn()));
            }
            return roles;
        });
    }

    void saveRole(Role role) {
        jdbc.tx(c -> {
            if (Jdbc.update(c, "UPDATE SECURITY_ROLE SET DESCRIPTION = ? WHERE NAME = ? AND BUILT_IN = 0",
                    role.description(), role.name()) == 0) {
                Jdbc.update(c, "INSERT INTO SECURITY_ROLE (NAME, DESCRIPTION, BUILT_IN) VALUES (?, ?, 0)",
                        role.name(), role.description());
            }
            Jdbc.update(c, "DELETE FROM SECURITY_ROLE_PERMISSION WHERE ROLE_NAME = ?", role.name());
            for (String p : role.permissions()) {
                Jdbc.update(c, "INSERT INTO SECURITY_ROLE_PERMISSION (ROLE_NAME, PERMISSION) VALUES (?, ?)",
                        role.name(), p);
            }
            return null;
        });
    }

    boolean deleteRole(String name) {
        return jdbc.tx(c -> Jdbc.update(c, "DELETE FROM SECURITY_ROLE WHERE NAME = ? AND BUILT_IN = 0", name) == 1);
    }

    /**
     * The roles an enabled user holds, directly and through groups, each with its stored permissions; empty for an
     * unknown or disabled login.
     */
    List<Role> rolesOf(String login) {
        return jdbc.tx(c -> {
            if (Jdbc.query(c, "SELECT 1 FROM SECURITY_USER WHERE LOGIN = ? AND ENABLED = 1", rs -> 1, login)
                    .isEmpty()) {
                return List.of();
            }
            Set<String> names = new HashSet<>(Jdbc.query(c, "SELECT ROLE_NAME FROM SECURITY_USER_ROLE WHERE LOGIN = ?",
                    rs -> rs.getString(1), login));
            names.addAll(Jdbc.query(c, "SELECT r.ROLE_NAME FROM SECURITY_GROUP_ROLE r JOIN SECURITY_GROUP_MEMBER m"
                    + " ON r.GROUP_NAME = m.GROUP_NAME WHERE m.LOGIN = ?", rs -> rs.getString(1), login));
            List<Role> roles = new java.util.ArrayList<>();
            for (String name : names) {
                Jdbc.query(c, "SELECT BUILT_IN FROM SECURITY_ROLE WHERE NAME = ?", rs -> rs.getInt(1) == 1, name)
                        .forEach(builtIn -> {
                            try {
                                roles.add(new Role(name, "", new HashSet<>(Jdbc.query(c, "SELECT PERMISSION FROM"
                                        + " SECURITY_ROLE_PERMISSION WHERE ROLE_NAME = ?", rs -> rs.getString(1),
                                        name)), builtIn));
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        });
            }
            return roles;
        });
    }

    private static void replaceRoles(Connection c, String table, String keyColumn, String key, Set<String> roles)
            throws SQLException {
        Jdbc.update(c, "DELETE FROM " + table + " WHERE " + keyColumn + " = ?", key);
        for (String role : roles) {
            if (Jdbc.query(c, "SELECT 1 FROM SECURITY_ROLE WHERE NAME = ?", rs -> 1, role).isEmpty()) {
                throw new IllegalArgumentException("no such role: " + role);
            }
            Jdbc.update(c, "INSERT INTO " + table + " (" + keyColumn + ", ROLE_NAME) VALUES (?, ?)", key, role);
        }
    }
}

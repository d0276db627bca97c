package org.opsbench.security.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.opsbench.core.Principal;
import org.opsbench.security.ApiToken;
import org.opsbench.security.ApiTokens;
import org.opsbench.security.IssuedToken;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * API tokens of a user (one's own by default): issue one (its secret is shown once, in {@link SecretDialog}), list them
 * with state and last use, revoke. The secret is never kept by this view.
 */
public class ApiTokensPart {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    ApiTokens tokens;

    private Text user;
    private MessageLine message;
    private TableSupport<ApiToken> table;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(6, false));
        new Label(bar, SWT.NONE).setText("User:");
        user = new Text(bar, SWT.BORDER);
        user.setText(principal.name());
        user.setData(WorkbenchIds.WIDGET_ID, "tokens.user");
        GridData gd = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        gd.widthHint = 160;
        user.setLayoutData(gd);
        user.addListener(SWT.DefaultSelection, e -> refresh());
        Buttons.push(bar, "Show", "tokens.show", this::refresh);
        Buttons.push(bar, "New token…", "tokens.new", this::issue);
        Buttons.push(bar, "Revoke", "tokens.revoke", this::revoke);
        Buttons.push(bar, "Refresh", "tokens.refresh", this::refresh);
        message = new MessageLine(parent, "tokens.message");
        table = new TableSupport<>(parent, "tokens");
        Instant now = Instant.now();
        table.column("Id", 120, ApiToken::id).column("Label", 220, ApiToken::label)
                .column("State", 90, t -> state(t, now))
                .column("Created", 130, t -> TIME.format(t.createdAt()), Comparator.comparing(ApiToken::createdAt))
                .column("Expires", 130, t -> TIME.format(t.expiresAt()), Comparator.comparing(ApiToken::expiresAt))
                .column("Last used", 130, t -> t.lastUsedAt() == null ? "never" : TIME.format(t.lastUsedAt()),
                        Comparator.comparing(ApiToken::lastUsedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.sortBy(3);
        refresh();
    }

    static String state(ApiToken t, Instant now) {
        return t.revokedAt() != null ? "revoked" : t.isActive(now) ? "active" : "expired";
    }

    void refresh() {
        if (tokens == null) {
            show("The security service is not running.", true);
            return;
        }
        String login = user.getText().trim();
        Background.run(ui, "Reading API tokens of " + login, false, () -> tokens.list(principal, login),
                (List<ApiToken> rows) -> {
                    if (!table.viewer().getTable().isDisposed()) {
                        table.setRows(rows);
                    }
                }, error -> show(Background.message(error), true));
    }

    private void issue() {
        if (tokens == null) {
            return;
        }
        Map<String, Object> v = new FormDialog(message.control().getShell(), "New API token",
                "A token acts with the user's permissions. Its secret is shown once, right after it is issued.")
                .text("user", "User", user.getText().trim()).text("label", "Label", "")
                .choice("days", "Expires in (days)", List.of("7", "30", "90", "365"), "90")
                .validate(ApiTokensPart::check).ask();
        if (v == null) {
            return;
        }
        String login = (String) v.get("user");
        Instant expires = Instant.now().plus(Duration.ofDays(Long.parseLong((String) v.get("days"))));
        Background.run(ui, "Issuing an API token for " + login, true,
                () -> tokens.issue(principal, login, (String) v.get("label"), expires), (IssuedToken issued) -> {
                    user.setText(issued.token().user());
                    show("Issued " + issued.token().id() + " for " + issued.token().user(), false);
                    refresh();
                    new SecretDialog(message.control().getShell(), issued).open();
                }, error -> show(Background.message(error), true));
    }

    static String check(Map<String, Object> v) {
        if (((String) v.get("user")).isEmpty()) {
            return "User: required";
        }
        String label = (String) v.get("label");
        if (label.isEmpty()) {
            return "Label: required (what the token is for)";
        }
        if (label.length() > 200) {
            return "Label: at most 200 characters";
        }
        return null;
    }

    private void revoke() {
        IStructuredSelection selection = table.viewer().getStructuredSelection();
        if (selection.isEmpty() || tokens == null) {
            show("Select a token first.", true);
            return;
        }
        ApiToken token = (ApiToken) selection.getFirstElement();
        if (!MessageDialog.openConfirm(message.control().getShell(), "Revoke API token", "Revoke the token '"
                + token.label() + "' (" + token.id() + ")? Programs using it are refused from now on.")) {
            return;
        }
        Background.run(ui, "Revoking API token " + token.id(), true, () -> {
            tokens.revoke(principal, token.id());
            return token.id();
        }, id -> {
            show("Revoked " + id, false);
            refresh();
        }, error -> show(Background.message(error), true));
    }

    private void show(String text, boolean error) {
        if (error) {
            message.error(text);
        } else {
            message.info(text);
        }
    }
}

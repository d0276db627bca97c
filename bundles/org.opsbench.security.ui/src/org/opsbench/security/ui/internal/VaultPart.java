package org.opsbench.security.ui.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.opsbench.core.Principal;
import org.opsbench.core.security.SecretStore;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The credential vault: aliases and their metadata, never a secret's value. Values are typed into a password field or
 * read from a key file, handed to the {@link SecretStore} and wiped.
 */
public class VaultPart {

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    SecretStore store;

    private MessageLine message;
    private TableSupport<SecretStore.Entry> table;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(3, false));
        Buttons.push(bar, "Add or replace…", "vault.add", this::addOrReplace);
        Buttons.push(bar, "Delete", "vault.delete", this::delete);
        Buttons.push(bar, "Refresh", "vault.refresh", this::refresh);
        message = new MessageLine(parent, "vault.message");
        table = new TableSupport<>(parent, "vault");
        table.column("Alias", 220, SecretStore.Entry::alias).column("Kind", 150, e -> e.kind().name())
                .column("Description", 480, SecretStore.Entry::description);
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.sortBy(0);
        refresh();
    }

    void refresh() {
        if (store == null) {
            show("The credential vault is not running.", true);
            return;
        }
        Background.run(ui, "Reading vault aliases", false, () -> store.list(principal),
                (List<SecretStore.Entry> rows) -> {
                    if (!table.viewer().getTable().isDisposed()) {
                        table.setRows(rows);
                    }
                }, error -> show(Background.message(error), true));
    }

    private void addOrReplace() {
        if (store == null) {
            return;
        }
        List<String> kinds = Stream.of(SecretStore.Kind.values()).map(Enum::name).toList();
        Map<String, Object> v = new FormDialog(message.control().getShell(), "Store a secret",
                "Type the password or token, or give the path of a private key file. The value is encrypted and "
                        + "never shown again.")
                .text("alias", "Alias", "").choice("kind", "Kind", kinds, "PASSWORD")
                .text("description", "Description", "").password("value", "Password or token")
                .text("keyFile", "or private key file", "").validate(VaultPart::check).ask();
        if (v == null) {
            return;
        }
        String alias = (String) v.get("alias");
        SecretStore.Kind kind = SecretStore.Kind.valueOf((String) v.get("kind"));
        char[] typed = (char[]) v.get("value");
        String keyFile = (String) v.get("keyFile");
        Background.run(ui, "Storing secret " + alias, true, () -> {
            byte[] value = keyFile.isEmpty() ? utf8(typed) : Files.readAllBytes(Path.of(keyFile));
            try {
                store.store(principal, alias, kind, (String) v.get("description"), value);
            } finally {
                Arrays.fill(value, (byte) 0);
                Arrays.fill(typed, '\0');
            }
            return alias;
        }, a -> {
            show("Stored " + a, false);
            refresh();
        }, error -> show(Background.message(error), true));
    }

    /** Exactly the UTF-8 bytes of {@code chars}; the encoder's buffer is wiped. */
    static byte[] utf8(char[] chars) {
        java.nio.ByteBuffer buffer = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(chars));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }

    static String check(Map<String, Object> v) {
        String alias = (String) v.get("alias");
        if (!alias.matches("[A-Za-z0-9._:/-]{1,128}")) {
            return "Alias: 1 to 128 letters, digits or . _ : / -";
        }
        boolean typed = ((char[]) v.get("value")).length > 0;
        boolean file = !((String) v.get("keyFile")).isEmpty();
        if (typed == file) {
            return "Password or token / private key file: give exactly one of them.";
        }
        if (file && !Files.isReadable(Path.of((String) v.get("keyFile")))) {
            return "Private key file: cannot read " + v.get("keyFile");
        }
        return null;
    }

    private void delete() {
        IStructuredSelection selection = table.viewer().getStructuredSelection();
        if (selection.isEmpty() || store == null) {
            show("Select an alias first.", true);
            return;
        }
        SecretStore.Entry entry = (SecretStore.Entry) selection.getFirstElement();
        if (!MessageDialog.openConfirm(message.control().getShell(), "Delete secret",
                "Delete the secret '" + entry.alias() + "'? Whatever uses it stops working.")) {
            return;
        }
        Background.run(ui, "Deleting secret " + entry.alias(), true, () -> store.delete(principal, entry.alias()),
                deleted -> {
                    show(deleted ? "Deleted " + entry.alias() : entry.alias() + " was already gone", false);
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

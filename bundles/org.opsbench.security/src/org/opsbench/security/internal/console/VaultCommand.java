package org.opsbench.security.internal.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.felix.service.command.CommandSession;
import org.opsbench.core.Principal;
import org.opsbench.core.security.SecretStore;
import org.opsbench.security.Vault;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code vault list|put|delete|rotate|unlock ...}: aliases only, values never printed. {@code put} reads the value from
 * a file (an SSH key) or from the keyboard.
 */
@Component(service = SecurityCommand.class, property = {SecurityCommand.SCOPE, "osgi.command.function=vault"})
public final class VaultCommand extends SecurityCommand {

    static final String USAGE = "vault list | put ALIAS PASSWORD|SSH_PRIVATE_KEY|TOKEN [FILE] | delete ALIAS"
            + " | rotate [--key-file] | unlock | status";

    private final SecretStore store;
    private final Vault vault;

    @Activate
    public VaultCommand(@Reference SecretStore store, @Reference Vault vault) {
        this.store = store;
        this.vault = vault;
    }

    @Override
    String name() {
        return "vault";
    }

    @Override
    String run(CommandSession session, List<String> args) {
        String sub = arg(args, 0, USAGE);
        if (sub.equals("unlock")) {
            vault.unlock(readSecret(session, "vault passphrase: "));
            return "vault unlocked";
        }
        if (sub.equals("status")) {
            return "vault " + vault.mode() + ", " + (vault.isUnlocked() ? "unlocked" : "locked");
        }
        Principal actor = principal(session);
        return switch (sub) {
            case "list" -> store.list(actor).stream()
                    .map(e -> String.format("%-32s %-16s %s", e.alias(), e.kind(), e.description()))
                    .collect(Collectors.joining("\n"));
            case "put" -> {
                String alias = arg(args, 1, USAGE);
                SecretStore.Kind kind = SecretStore.Kind.valueOf(arg(args, 2, USAGE).toUpperCase(Locale.ROOT));
                byte[] value = args.size() > 3 ? read(Path.of(args.get(3))) : utf8(readSecret(session, "value: "));
                try {
                    store.store(actor, alias, kind, "", value);
                } finally {
                    Arrays.fill(value, (byte) 0);
                }
                yield "stored " + alias;
            }
            case "delete" -> store.delete(actor, arg(args, 1, USAGE))
                    ? "deleted " + args.get(1)
                    : "no such alias: " + args.get(1);
            case "rotate" -> {
                char[] passphrase = args.contains("--key-file")
                        ? null
                        : readSecret(session, "new vault passphrase: ");
                yield "re-encrypted " + vault.rotate(actor, passphrase) + " secrets under the new master key";
            }
            default -> "usage: " + USAGE;
        };
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file);
        }
    }

    private static byte[] utf8(char[] chars) {
        var buffer = java.nio.charset.StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(chars));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Arrays.fill(chars, '\0');
        return bytes;
    }
}

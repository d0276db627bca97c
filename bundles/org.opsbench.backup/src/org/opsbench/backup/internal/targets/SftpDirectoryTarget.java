package org.opsbench.backup.internal.targets;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opsbench.backup.internal.SshAccess;
import org.opsbench.backup.internal.archive.Pipe;
import org.opsbench.core.spi.BackupTarget;
import org.opsbench.core.spi.Parameter;
import org.opsbench.ssh.ExecResult;
import org.opsbench.ssh.RemoteShell;
import org.opsbench.ssh.SshTarget;
import org.opsbench.ssh.TransferResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Archives in a folder on a host, written over SFTP (settings {@code host}, {@code port}, {@code user},
 * {@code credentialAlias}, {@code folder}). {@link RemoteShell#put} writes to a temporary name and renames at the end,
 * so an interrupted write leaves nothing under the archive's name.
 */
@Component(service = BackupTarget.class)
public final class SftpDirectoryTarget implements BackupTarget {

    /** The target's id. */
    public static final String ID = "sftp-dir";
    private static final Duration TIMEOUT = Duration.ofHours(12);
    private static final Duration SHORT = Duration.ofSeconds(60);

    private final RemoteShell shell;
    private final SshAccess access;

    /** On the SSH service and the vault access of the area. */
    @Activate
    public SftpDirectoryTarget(@Reference RemoteShell shell, @Reference SshAccess access) {
        this.shell = shell;
        this.access = access;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Remote folder (SFTP)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.required("host", "Host", Parameter.Type.STRING),
                Parameter.optional("port", "Port", Parameter.Type.INTEGER, "22"),
                Parameter.required("user", "User", Parameter.Type.STRING),
                Parameter.required("credentialAlias", "Credential", Parameter.Type.SECRET_ALIAS),
                Parameter.required("folder", "Folder", Parameter.Type.STRING));
    }

    private SshTarget target(Map<String, String> s) {
        int port;
        try {
            port = Integer.parseInt(s.getOrDefault("port", "22").isBlank() ? "22" : s.getOrDefault("port", "22"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("targetSettings.port: not a number: " + s.get("port"));
        }
        return access.target(s.get("host"), port, s.get("user"), s.get("credentialAlias"), "targetSettings.");
    }

    private static String folder(Map<String, String> s) {
        String folder = s.get("folder");
        if (folder == null || !folder.startsWith("/")) {
            throw new IllegalArgumentException("targetSettings.folder: must be an absolute path, was " + folder);
        }
        return folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    }

    @Override
    public void store(Map<String, String> settings, String name, InputStream data) throws IOException {
        LocalDirectoryTarget.checkName(name);
        SshTarget target = target(settings);
        String folder = folder(settings);
        ExecResult mkdir = shell.exec(target, "mkdir -p -- " + SshAccess.quote(folder), SHORT);
        SshAccess.requireSuccess(mkdir, "mkdir " + folder);
        TransferResult result = shell.put(target, data, folder + "/" + name, TIMEOUT);
        if (result instanceof TransferResult.Failed f) {
            throw new IOException(f.failure().toString());
        }
    }

    @Override
    public InputStream open(Map<String, String> settings, String name) throws IOException {
        LocalDirectoryTarget.checkName(name);
        SshTarget target = target(settings);
        String path = folder(settings) + "/" + name;
        Pipe pipe = new Pipe(64);
        Thread reader = new Thread(() -> {
            TransferResult result = shell.get(target, path, pipe.sink(), TIMEOUT);
            if (result instanceof TransferResult.Failed f) {
                pipe.abort(new IOException(f.failure().toString()));
            } else {
                try {
                    pipe.finish();
                } catch (IOException e) {
                    pipe.abort(e);
                }
            }
        }, "opsbench-backup-sftp-get");
        reader.setDaemon(true);
        reader.start();
        return new java.io.FilterInputStream(pipe.source()) {
            @Override
            public void close() {
                pipe.abort(new IOException("closed by the reader"));
            }
        };
    }

    @Override
    public List<Stored> list(Map<String, String> settings) throws IOException {
        SshTarget target = target(settings);
        String folder = folder(settings);
        ExecResult r = shell.exec(target, "test -d " + SshAccess.quote(folder) + " || exit 0; find "
                + SshAccess.quote(folder) + " -maxdepth 1 -type f ! -name '.*' -printf '%T@ %s %f\\n'", SHORT);
        String out = SshAccess.requireSuccess(r, "list " + folder);
        List<Stored> all = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.split(" ", 3);
            if (f.length == 3) {
                double seconds = Double.parseDouble(f[0]);
                all.add(new Stored(f[2], Long.parseLong(f[1]), Instant.ofEpochMilli((long) (seconds * 1000))));
            }
        }
        all.sort(java.util.Comparator.comparing(Stored::time).reversed().thenComparing(Stored::name));
        return all;
    }

    @Override
    public boolean delete(Map<String, String> settings, String name) throws IOException {
        LocalDirectoryTarget.checkName(name);
        String path = SshAccess.quote(folder(settings) + "/" + name);
        ExecResult r = shell.exec(target(settings), "if test -e " + path + "; then rm -f -- " + path
                + " && echo deleted; fi", SHORT);
        return SshAccess.requireSuccess(r, "delete " + name).contains("deleted");
    }
}

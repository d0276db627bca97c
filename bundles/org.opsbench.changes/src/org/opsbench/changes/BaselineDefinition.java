package org.opsbench.changes;

import java.util.List;

import org.opsbench.core.CiRef;

/**
 * What a configuration baseline captures from an item's host.
 *
 * @param name
 *            its name, for example {@code web-01-nginx}
 * @param item
 *            the configuration item (its host is reached as {@link ChangeExecution#access} says)
 * @param files
 *            absolute paths of files whose content is captured
 * @param commands
 *            commands whose output is captured (for example {@code rpm -qa | sort})
 */
public record BaselineDefinition(String name, CiRef item, List<String> files, List<String> commands) {

    /** Copies the lists. */
    public BaselineDefinition {
        files = files == null ? List.of() : List.copyOf(files);
        commands = commands == null ? List.of() : List.copyOf(commands);
    }
}

package org.opsbench.server.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The built {@code opsbench-server} product, started the way an administrator starts it. Whatever a test starts is
 * stopped after the test, passed or failed, so no server outlives its test.
 */
final class ServerProduct implements AfterEachCallback {

    private final List<RunningServer> started = new ArrayList<>();

    /** The materialized product folder, from the system property the pom sets or from this module's basedir. */
    static Path folder() {
        String configured = System.getProperty("opsbench.serverProduct");
        Path product = configured != null
                ? Path.of(configured)
                : Path.of(System.getProperty("basedir", "."), "../../releng/org.opsbench.repository/target/products/"
                        + "opsbench-server/linux/gtk/x86_64/opsbench-server");
        product = product.toAbsolutePath().normalize();
        if (!Files.isExecutable(product.resolve("bin/opsbench-server"))) {
            fail("No built server product at " + product + ". Build the reactor first, from the project root: "
                    + "./mvnw -B verify (or -DskipTests to build the products only)");
        }
        return product;
    }

    /**
     * Starts {@code bin/opsbench-server} with the workspace {@code dir/workspace}, its start-up report in
     * {@code dir/ready} and the given options (such as {@code --console}).
     */
    RunningServer start(Path dir, String... options) throws IOException {
        RunningServer server = RunningServer.start(folder(), dir, options);
        started.add(server);
        return server;
    }

    /** Starts the server as {@link #start(Path, String...)} does, with extra JVM options. */
    RunningServer startWithVmArgs(Path dir, String vmArgs, String... options) throws IOException {
        RunningServer server = RunningServer.start(folder(), dir, vmArgs, options);
        started.add(server);
        return server;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(RunningServer::close);
        started.clear();
    }
}

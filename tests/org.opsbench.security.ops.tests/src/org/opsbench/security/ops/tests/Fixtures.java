package org.opsbench.security.ops.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Command output captured on real hosts, in {@code fixtures/} of this bundle. */
final class Fixtures {

    private Fixtures() {
    }

    static String read(String name) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package org.opsbench.assets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opsbench.assets.internal.discovery.LinuxFacts;
import org.opsbench.assets.internal.discovery.Reconciler;
import org.opsbench.assets.internal.discovery.SshLinuxProbe;

/** The discovery script's output of a RHEL server (rpm, DMI serial, LVM): the facts and the stable identifiers. */
class LinuxFactsTest {

    private static String sample() throws Exception {
        try (InputStream in = LinuxFactsTest.class.getClassLoader().getResourceAsStream("samples/rhel9.out")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void rhelServerOutputBecomesItsFacts() throws Exception {
        Map<String, String> f = LinuxFacts.parse(sample());
        assertEquals("Red Hat Enterprise Linux 9.3 (Plow)", f.get("os.name"));
        assertEquals("9.3", f.get("os.version"));
        assertEquals("5.14.0-362.8.1.el9_3.x86_64", f.get("kernel.release"));
        assertEquals("CZ2130ABCD", f.get("hardware.serial"));
        assertEquals("32", f.get("cpu.count"));
        assertEquals("Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz", f.get("cpu.model"));
        assertEquals("257668", f.get("memory.mb"));
        assertEquals("xfs", f.get("fs./boot.type"));
        assertEquals("915715", f.get("disk.sda.size.mb"));
        assertEquals("10.20.30.7", f.get("ip.address"));
        assertEquals("94:40:c9:aa:bb:cc", f.get("mac.addresses"));
        assertEquals("15.5-1.el9", f.get("package.postgresql-server"));
        assertEquals("2", f.get("packages.count"));
        assertEquals("22,5432", f.get("listen.tcp"));
        assertEquals("323", f.get("listen.udp"));
        assertEquals("db-07.prod.example.com", SshLinuxProbe.item("10.20.30.7", f).name());
        assertEquals("server", SshLinuxProbe.item("10.20.30.7", f).type());
        assertEquals(List.of("machine-id:5b1c0d2e8f7a4e3c9a0b1c2d3e4f5a6b", "serial:CZ2130ABCD",
                "mac:94:40:c9:aa:bb:cc"), Reconciler.identifiers(f).stream().map(i -> i[0] + ":" + i[1]).toList());
    }

    @Test
    void outputThatIsNotTheScriptsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LinuxFacts.parse("bash: line 1: hostname: not found\n"));
    }
}

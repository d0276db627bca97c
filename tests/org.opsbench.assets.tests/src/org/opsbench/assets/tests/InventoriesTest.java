package org.opsbench.assets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.assets.Assets;
import org.opsbench.assets.CiQuery;
import org.opsbench.assets.CiSpec;
import org.opsbench.assets.ConfigurationItem;
import org.opsbench.assets.Inventories;
import org.opsbench.assets.Inventories.Format;
import org.opsbench.assets.InvalidItemException;
import org.opsbench.core.Principal;

/**
 * CSV and Ansible inventories through the real service: one transaction per import, line-numbered errors, and exports
 * that the real {@code ansible-inventory} (Debian's ansible-core) accepts.
 */
class InventoriesTest {

    private static Inventories inventories;
    private static Assets assets;
    private static Principal operator;

    @TempDir
    Path dir;

    @BeforeAll
    static void services() throws Exception {
        inventories = Osgi.service(Inventories.class);
        assets = Osgi.service(Assets.class);
        operator = Osgi.user("operator");
    }

    private static long count(String tag) {
        return assets.find(operator, CiQuery.ofType(null, 100).withTagAndGroup(tag, null)).total();
    }

    @Test
    void csvImportCreatesAndUpdatesInOneGo() {
        String tag = "csv" + Osgi.RUN;
        String csv = "type,name,lifecycle,tags,groups,owner,warranty.end\n"
                + "server,csv-a-" + Osgi.RUN + ",deployed," + tag + ";linux,web,ops,2031-05-01\n"
                + "\"server\",\"csv-b-" + Osgi.RUN + "\",in-stock," + tag + ",,\"Ops, Team B\",\n";
        assertEquals(new Inventories.ImportResult(2, 0, 0), inventories.importText(operator, Format.CSV, csv, null));
        assertEquals(2, count(tag));
        ConfigurationItem b = assets.byName(operator, "server", "csv-b-" + Osgi.RUN).orElseThrow();
        assertEquals("Ops, Team B", b.attributes().get("owner"));
        assertEquals(new Inventories.ImportResult(0, 0, 2), inventories.importText(operator, Format.CSV, csv, null));
        String exported = inventories.export(operator, Format.CSV, "server", tag, null);
        assertTrue(exported.contains("\"Ops, Team B\""), exported);
        assertEquals(new Inventories.ImportResult(0, 0, 2), inventories.importText(operator, Format.CSV, exported,
                null));
    }

    @Test
    void csvWithOneBadLineImportsNothingAndNamesTheLine() {
        String tag = "bad" + Osgi.RUN;
        String csv = "type,name,lifecycle,tags,groups,warranty.end\n"
                + "server,bad-a-" + Osgi.RUN + ",deployed," + tag + ",,2031-05-01\n"
                + "server,bad-b-" + Osgi.RUN + ",deployed," + tag + ",,\n"
                + "server,bad-c-" + Osgi.RUN + ",deployed," + tag + ",,someday\n";
        InvalidItemException e = assertThrows(InvalidItemException.class,
                () -> inventories.importText(operator, Format.CSV, csv, null));
        assertEquals("line 4", e.field());
        assertTrue(e.getMessage().contains("attributes.warranty.end: must be a date"), e.getMessage());
        assertEquals(0, count(tag));
        InvalidItemException state = assertThrows(InvalidItemException.class, () -> inventories.importText(operator,
                Format.CSV, "type,name,lifecycle,tags,groups\nserver,x,broken,,\n", null));
        assertEquals("line 2", state.field());
    }

    @Test
    void realIniInventoryIsImportedWithGroupsAndVariables() throws Exception {
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("samples/site.ini")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // names of this run: the workspace database outlives a build without 'clean'
        text = text.replace("example.org", Osgi.RUN + ".example.org");
        Inventories.ImportResult r = inventories.importText(operator, Format.ANSIBLE_INI, text, "server");
        assertEquals(7, r.created() + r.updated() + r.unchanged(), r.toString());
        ConfigurationItem web2 = assets.byName(operator, "server", "web02." + Osgi.RUN + ".example.org").orElseThrow();
        assertEquals(Set.of("web", "production"), web2.groups());
        assertEquals("2222", web2.facts().get("ansible.ansible_port"));
        assertEquals("deploy", web2.facts().get("ansible.ansible_user"));
        ConfigurationItem lb = assets.byName(operator, "server", "lb." + Osgi.RUN + ".example.org").orElseThrow();
        assertEquals("front door", lb.facts().get("ansible.role"));
        ConfigurationItem db1 = assets.byName(operator, "server", "db1." + Osgi.RUN + ".example.org").orElseThrow();
        assertEquals("02:00", db1.facts().get("ansible.backup_window"));
        ConfigurationItem jump = assets.byName(operator, "server", "jump." + Osgi.RUN + ".example.org").orElseThrow();
        assertEquals(Set.of(), jump.groups());
        assertEquals("admin", jump.facts().get("ansible.ansible_user"));
    }

    @Test
    void realYamlInventoryIsImportedWithGroupsAndVariables() throws Exception {
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("samples/site.yml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        text = text.replace("example.org", Osgi.RUN + ".yml.example.org").replace("ntp." + Osgi.RUN + ".yml.", "ntp.");
        Inventories.ImportResult r = inventories.importText(operator, Format.ANSIBLE_YAML, text, "server");
        assertEquals(5, r.created() + r.updated() + r.unchanged(), r.toString());
        ConfigurationItem lb = assets.byName(operator, "server", "lb." + Osgi.RUN + ".yml.example.org").orElseThrow();
        assertEquals(Set.of("web", "production"), lb.groups());
        assertEquals("front door", lb.facts().get("ansible.role"));
        assertEquals("deploy", lb.facts().get("ansible.ansible_user"));
        assertEquals("ntp.example.org", lb.facts().get("ansible.ntp_server"));
        ConfigurationItem db2 = assets.byName(operator, "server", "db2." + Osgi.RUN + ".yml.example.org")
                .orElseThrow();
        assertEquals(Set.of("db", "production"), db2.groups());
        assertEquals("02:00", db2.facts().get("ansible.backup_window"));
        InvalidItemException list = assertThrows(InvalidItemException.class, () -> inventories.importText(operator,
                Format.ANSIBLE_YAML, "all:\n  hosts:\n    - web1\n", "server"));
        assertEquals("line 3", list.field());
    }

    @Test
    void badIniLineImportsNothing() {
        InvalidItemException e = assertThrows(InvalidItemException.class, () -> inventories.importText(operator,
                Format.ANSIBLE_INI, "[web]\nok-" + Osgi.RUN + "\nbroken-" + Osgi.RUN + " novalue\n", "server"));
        assertEquals("line 3", e.field());
        assertTrue(assets.byName(operator, "server", "ok-" + Osgi.RUN).isEmpty());
    }

    private String ansibleInventory(String file) throws Exception {
        Process p = new ProcessBuilder("ansible-inventory", "-i", file, "--list").redirectError(
                dir.resolve("stderr").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        String err = Files.readString(dir.resolve("stderr"));
        assertEquals(0, code, err);
        assertTrue(!err.contains("[WARNING]: Unable to parse") && !err.contains("No inventory was parsed"), err);
        return out;
    }

    @Test
    void exportByTypeTagAndGroupIsAcceptedByAnsibleInventory() throws Exception {
        String tag = "ans" + Osgi.RUN;
        ConfigurationItem a = assets.create(operator, CiSpec.of("server", "ans-a-" + Osgi.RUN)
                .withTagsAndGroups(Set.of(tag), Set.of("web", "eu_west")));
        assets.create(operator, CiSpec.of("server", "ans-b-" + Osgi.RUN).withTagsAndGroups(Set.of(tag), Set.of()));
        assets.create(operator, CiSpec.of("application", "ans-app-" + Osgi.RUN).withTagsAndGroups(Set.of(tag),
                Set.of("web")));
        inventories.importText(operator, Format.ANSIBLE_INI, "ans-a-" + Osgi.RUN
                + " ansible_host=192.0.2.99 ansible_port=2200\n[web]\nans-a-" + Osgi.RUN + "\n[eu_west]\nans-a-"
                + Osgi.RUN + "\n", "server");
        for (Format f : new Format[]{Format.ANSIBLE_INI, Format.ANSIBLE_YAML}) {
            Path file = dir.resolve(f == Format.ANSIBLE_INI ? "hosts.ini" : "hosts.yml");
            Files.writeString(file, inventories.export(operator, f, "server", tag, null));
            String json = ansibleInventory(file.toString());
            assertTrue(json.contains("\"ans-a-" + Osgi.RUN + "\""), json);
            assertTrue(json.contains("\"ans-b-" + Osgi.RUN + "\""), json);
            assertTrue(!json.contains("ans-app-" + Osgi.RUN), "only servers: " + json);
            assertTrue(json.contains("\"ansible_host\": \"192.0.2.99\""), json);
            assertTrue(json.contains("\"opsbench_id\": \"" + a.id() + "\""), json);
            assertTrue(json.replaceAll("\\s", "").contains("\"eu_west\":{\"hosts\":[\"ans-a-" + Osgi.RUN + "\"]}"),
                    json);
            Path byGroup = dir.resolve("group-" + file.getFileName());
            Files.writeString(byGroup, inventories.export(operator, f, null, tag, "web"));
            String web = ansibleInventory(byGroup.toString());
            assertTrue(web.contains("ans-app-" + Osgi.RUN) && !web.contains("ans-b-" + Osgi.RUN), web);
        }
        // and back: our YAML export imports as the same hosts and groups
        String yaml = inventories.export(operator, Format.ANSIBLE_YAML, "server", tag, null);
        assertEquals(2, inventories.importText(operator, Format.ANSIBLE_YAML, yaml, "server").unchanged());
    }
}

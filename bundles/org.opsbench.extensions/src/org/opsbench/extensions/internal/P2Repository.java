package org.opsbench.extensions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.osgi.framework.Version;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Just enough of a p2 artifact repository to take one bundle from it: reads {@code compositeArtifacts.jar|xml} (and
 * follows its children) or {@code artifacts.jar|xml}, finds the {@code osgi.bundle} artifacts of an id and maps the
 * highest version to its URL with the repository's own mapping rules. {@code .xz}-only repositories are not read (the
 * JDK has no XZ decoder); Tycho and the Eclipse publisher write {@code artifacts.jar} beside the {@code .xz}.
 */
final class P2Repository {

    /** A bundle artifact and where to download it. */
    record Artifact(String id, Version version, URI location) {
    }

    private final URI root;

    P2Repository(URI root) {
        String s = root.toString();
        this.root = URI.create(s.endsWith("/") ? s : s + "/");
    }

    /** The highest version of bundle {@code id}, or an error naming the repository. */
    Artifact find(String id) throws IOException {
        List<Artifact> all = new ArrayList<>();
        collect(root, id, all, 0);
        return all.stream().max((a, b) -> a.version().compareTo(b.version()))
                .orElseThrow(() -> new IllegalArgumentException("bundle: no bundle " + id + " in the p2 repository "
                        + root));
    }

    private void collect(URI repo, String id, List<Artifact> into, int depth) throws IOException {
        if (depth > 8) {
            throw new IllegalArgumentException("source: composite repositories nested too deep at " + repo);
        }
        Document composite = read(repo, "compositeArtifacts");
        if (composite != null) {
            NodeList children = composite.getElementsByTagName("child");
            for (int i = 0; i < children.getLength(); i++) {
                String location = ((Element) children.item(i)).getAttribute("location");
                URI child = repo.resolve(location.endsWith("/") ? location : location + "/");
                collect(child, id, into, depth + 1);
            }
            return;
        }
        Document artifacts = read(repo, "artifacts");
        if (artifacts == null) {
            throw new IllegalArgumentException("source: " + repo + " is not a p2 repository (no artifacts.jar, "
                    + "artifacts.xml, compositeArtifacts.jar or compositeArtifacts.xml; .xz alone is not read)");
        }
        List<String[]> rules = new ArrayList<>();
        NodeList ruleNodes = artifacts.getElementsByTagName("rule");
        for (int i = 0; i < ruleNodes.getLength(); i++) {
            Element r = (Element) ruleNodes.item(i);
            rules.add(new String[]{r.getAttribute("filter"), r.getAttribute("output")});
        }
        NodeList list = artifacts.getElementsByTagName("artifact");
        for (int i = 0; i < list.getLength(); i++) {
            Element a = (Element) list.item(i);
            if ("osgi.bundle".equals(a.getAttribute("classifier")) && id.equals(a.getAttribute("id"))) {
                String version = a.getAttribute("version");
                into.add(new Artifact(id, Version.parseVersion(version), location(repo, rules, id, version)));
            }
        }
    }

    /** Applies the first mapping rule for {@code osgi.bundle}, as p2 does; the default layout without one. */
    private static URI location(URI repo, List<String[]> rules, String id, String version) {
        String output = "${repoUrl}/plugins/${id}_${version}.jar";
        for (String[] rule : rules) {
            if (rule[0].contains("(classifier=osgi.bundle)") && !rule[0].contains("format=")) {
                output = rule[1];
                break;
            }
        }
        String base = repo.toString().replaceAll("/$", "");
        String url = output.replace("${repoUrl}", base).replace("${id}", id).replace("${version}", version);
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("source: bad artifact location " + url, e);
        }
    }

    /** {@code name.jar} (a zip holding {@code name.xml}) or {@code name.xml}; {@code null} when neither exists. */
    private static Document read(URI repo, String name) throws IOException {
        InputStream jar = openIfExists(repo.resolve(name + ".jar"));
        if (jar != null) {
            try (ZipInputStream zip = new ZipInputStream(jar)) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (e.getName().equals(name + ".xml")) {
                        return parse(zip, repo.resolve(name + ".jar"));
                    }
                }
            }
            throw new IllegalArgumentException("source: " + repo.resolve(name + ".jar") + " holds no " + name
                    + ".xml");
        }
        InputStream xml = openIfExists(repo.resolve(name + ".xml"));
        if (xml != null) {
            try (xml) {
                return parse(xml, repo.resolve(name + ".xml"));
            }
        }
        return null;
    }

    private static InputStream openIfExists(URI uri) throws IOException {
        try {
            return uri.toURL().openStream();
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    private static Document parse(InputStream in, URI from) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new java.io.FilterInputStream(in) {
                @Override
                public void close() {
                    // the zip stream stays open for the caller
                }
            });
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalArgumentException("source: " + from + " is not a readable p2 index: " + e.getMessage(),
                    e);
        }
    }
}

package org.opsbench.monitoring.tests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A received RFC 5322 message taken apart by the tests, independently of the notifier: unfolded headers, the Subject
 * decoded from RFC 2047 encoded-words, the body decoded from quoted-printable or base64 as its header says.
 */
final class ReceivedMail {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");

    final Map<String, String> headers = new LinkedHashMap<>();
    final List<String> headerLines = new ArrayList<>();
    final String rawBody;

    ReceivedMail(String data) {
        int end = data.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("no empty line after the headers: " + data);
        }
        String unfolded = data.substring(0, end).replaceAll("\r\n([ \t])", "$1");
        for (String line : unfolded.split("\r\n")) {
            headerLines.add(line);
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        rawBody = data.substring(end + 4);
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The Subject with its encoded-words decoded (white space between adjacent encoded-words dropped). */
    String subject() {
        return decodeWords(header("Subject"));
    }

    /** The body as text: decoded per Content-Transfer-Encoding and the charset of Content-Type. */
    String body() {
        String encoding = header("Content-Transfer-Encoding");
        Charset charset = Charset.forName(header("Content-Type").replaceAll("(?i).*charset=\"?([^;\"]+)\"?.*", "$1"));
        byte[] bytes = switch (encoding == null ? "7bit" : encoding.toLowerCase(Locale.ROOT)) {
            case "quoted-printable" -> quotedPrintable(rawBody);
            case "base64" -> Base64.getMimeDecoder().decode(rawBody);
            default -> rawBody.getBytes(StandardCharsets.US_ASCII);
        };
        return new String(bytes, charset);
    }

    static String decodeWords(String value) {
        String joined = value.replaceAll("(\\?=)\\s+(=\\?)", "$1$2");
        Matcher m = ENCODED_WORD.matcher(joined);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(joined, last, m.start());
            Charset charset = Charset.forName(m.group(1));
            byte[] bytes = m.group(2).equalsIgnoreCase("B")
                    ? Base64.getDecoder().decode(m.group(3))
                    : quotedPrintable(m.group(3).replace('_', ' '));
            out.append(new String(bytes, charset));
            last = m.end();
        }
        return out.append(joined.substring(last)).toString();
    }

    /** Decodes quoted-printable; fails on a line longer than 76 characters or a malformed escape. */
    static byte[] quotedPrintable(String text) {
        for (String line : text.split("\r\n")) {
            if (line.length() > 76) {
                throw new AssertionError("quoted-printable line longer than 76: " + line);
            }
        }
        String joined = text.replace("=\r\n", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=') {
                String hex = joined.substring(i + 1, i + 3);
                if (!hex.matches("[0-9A-F]{2}")) {
                    throw new AssertionError("bad quoted-printable escape =" + hex);
                }
                out.write(Integer.parseInt(hex, 16));
                i += 2;
            } else {
                if (c > 126) {
                    throw new AssertionError("8-bit character in quoted-printable: " + c);
                }
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}

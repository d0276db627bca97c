package org.opsbench.monitoring.internal.notify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.UUID;

import org.opsbench.core.CiRef;
import org.opsbench.core.spi.Notification;

/**
 * The RFC 5322 message of one notification: 7-bit clean, CRLF line endings, a {@code text/plain; charset=UTF-8} body in
 * quoted-printable (RFC 2045) and a Subject encoded per RFC 2047 when it is not plain ASCII. Dot-stuffing is the
 * transport's business ({@link SmtpClient}), not done here.
 */
final class MailMessage {

    static final String CRLF = "\r\n";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
            Locale.ENGLISH);
    private static final int MAX_LINE = 76;
    // the bytes of one encoded-word's text: "Subject: =?UTF-8?B?" + 52 base64 characters + "?=" stays within 78
    private static final int WORD_BYTES = 39;

    private MailMessage() {
    }

    /** The whole message, headers and body, each line ending in CRLF. */
    static String compose(Notification n, String from, List<String> to, String messageDomain, Instant now) {
        StringBuilder m = new StringBuilder(1024);
        m.append("Date: ").append(DATE.format(now.atOffset(ZoneOffset.UTC))).append(CRLF);
        m.append("From: ").append(from).append(CRLF);
        m.append("To: ").append(String.join("," + CRLF + " ", to)).append(CRLF);
        m.append("Subject: ").append(subject(subjectOf(n))).append(CRLF);
        m.append("Message-ID: <").append(UUID.randomUUID()).append('@').append(messageDomain).append('>').append(CRLF);
        m.append("MIME-Version: 1.0").append(CRLF);
        m.append("Content-Type: text/plain; charset=UTF-8").append(CRLF);
        m.append("Content-Transfer-Encoding: quoted-printable").append(CRLF);
        m.append("Auto-Submitted: auto-generated").append(CRLF);
        if (n.severity() != null) {
            m.append("X-Opsbench-Severity: ").append(n.severity().name()).append(CRLF);
        }
        m.append(CRLF);
        m.append(quotedPrintable(text(n)));
        return m.toString();
    }

    /** {@code [SEVERITY] subject} on one line. */
    static String subjectOf(Notification n) {
        String subject = n.subject() == null ? "" : n.subject();
        subject = subject.replaceAll("[\\r\\n\\t]+", " ").strip();
        return n.severity() == null ? subject : "[" + n.severity().name() + "] " + subject;
    }

    /** The body text: the notification's body, then what it concerns, in lines. */
    static String text(Notification n) {
        StringBuilder text = new StringBuilder(512);
        if (n.body() != null && !n.body().isBlank()) {
            text.append(n.body().stripTrailing()).append("\n\n");
        }
        if (n.severity() != null) {
            text.append("Severity: ").append(n.severity().name()).append('\n');
        }
        CiRef item = n.item();
        if (item != null) {
            text.append("Item: ").append(item.type()).append(' ').append(item.name()).append(" (").append(item.id())
                    .append(")\n");
        }
        if (n.time() != null) {
            text.append("Time: ").append(DateTimeFormatter.ISO_INSTANT.format(n.time())).append('\n');
        }
        new TreeMap<>(n.properties()).forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        return text.toString();
    }

    /**
     * A header value for {@code subject}: as it is when printable ASCII (folded at spaces when long), else as
     * {@code =?UTF-8?B?...?=} encoded-words that never split a character, folded one to a line.
     */
    static String subject(String subject) {
        boolean ascii = subject.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        if (ascii && !subject.contains("=?")) {
            return fold(subject, "Subject: ".length());
        }
        StringBuilder out = new StringBuilder();
        byte[] chunk = new byte[WORD_BYTES + 4];
        int length = 0;
        for (int i = 0; i < subject.length();) {
            int cp = subject.codePointAt(i);
            byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            if (length + bytes.length > WORD_BYTES) {
                word(out, chunk, length);
                length = 0;
            }
            System.arraycopy(bytes, 0, chunk, length, bytes.length);
            length += bytes.length;
            i += Character.charCount(cp);
        }
        if (length > 0 || out.isEmpty()) {
            word(out, chunk, length);
        }
        return out.toString();
    }

    private static void word(StringBuilder out, byte[] chunk, int length) {
        if (!out.isEmpty()) {
            out.append(CRLF).append(' ');
        }
        out.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(Arrays.copyOf(chunk, length)))
                .append("?=");
    }

    /** Folds a header value of printable ASCII at spaces so that lines stay within 78 characters where possible. */
    private static String fold(String value, int used) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        int column = used;
        String[] words = value.split(" ", -1);
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                // the fold goes before the space, which then starts the continuation line
                if (!words[i].isEmpty() && column + 1 + words[i].length() > 78) {
                    out.append(CRLF);
                    column = 0;
                }
                out.append(' ');
                column++;
            }
            out.append(words[i]);
            column += words[i].length();
        }
        return out.toString();
    }

    /**
     * {@code text} in UTF-8 as quoted-printable: line breaks ({@code \n}, {@code \r\n}, {@code \r}) become CRLF, lines
     * longer than 76 characters get soft breaks, {@code =}, non-ASCII and control bytes and trailing blanks are
     * encoded. Ends with CRLF.
     */
    static String quotedPrintable(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 4 + 8);
        String[] lines = text.split("\r\n|\r|\n", -1);
        int count = lines.length;
        if (count > 1 && lines[count - 1].isEmpty()) {
            count--;
        }
        for (int l = 0; l < count; l++) {
            byte[] bytes = lines[l].getBytes(StandardCharsets.UTF_8);
            int column = 0;
            for (int i = 0; i < bytes.length; i++) {
                int b = bytes[i] & 0xff;
                boolean last = i == bytes.length - 1;
                boolean literal = b >= 33 && b <= 126 && b != '=' || (b == ' ' || b == '\t') && !last;
                int width = literal ? 1 : 3;
                // room for the soft break's '=' unless this is the line's last character
                if (column + width > (last ? MAX_LINE : MAX_LINE - 1)) {
                    out.append('=').append(CRLF);
                    column = 0;
                }
                if (literal) {
                    out.append((char) b);
                } else {
                    out.append('=').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
                column += width;
            }
            out.append(CRLF);
        }
        return out.toString();
    }
}

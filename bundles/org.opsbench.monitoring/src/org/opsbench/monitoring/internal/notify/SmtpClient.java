package org.opsbench.monitoring.internal.notify;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.opsbench.core.spi.Notifier.DeliveryException;
import org.opsbench.monitoring.internal.support.Values;
import org.opsbench.monitoring.internal.support.TrustedCertificates;

/**
 * One SMTP session (RFC 5321) that delivers one message: greeting, EHLO, STARTTLS when configured (then EHLO again),
 * AUTH PLAIN or LOGIN when a user is set, MAIL FROM, RCPT TO for each recipient, DATA with dot-stuffing, QUIT. Every
 * read has the configured timeout. Errors quote the server's reply code and text; the password never appears in one.
 */
final class SmtpClient implements AutoCloseable {

    /** A server reply: the code and the text of each line. */
    record Reply(int code, List<String> lines) {

        String text() {
            return Values.printable(String.join(" ", lines).strip());
        }

        boolean is(int hundreds) {
            return code / 100 == hundreds;
        }
    }

    private static final int MAX_LINE = 4096;

    private final SmtpSettings settings;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean encrypted;
    private boolean quit;
    private Set<String> extensions = Set.of();
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;

    private SmtpClient(SmtpSettings settings) {
        this.settings = settings;
    }

    /** Delivers {@code message} (CRLF lines, 7-bit) with {@code password} for AUTH, or {@code null}. */
    static void deliver(SmtpSettings settings, byte[] password, String message) throws DeliveryException {
        try (SmtpClient client = new SmtpClient(settings)) {
            client.session(password, message);
        }
    }

    private void session(byte[] password, String message) throws DeliveryException {
        String step = "the connection";
        try {
            connect();
            step = "the greeting";
            expect(read(), 2, "the connection (greeting)");
            step = "EHLO";
            ehlo();
            if (settings.tls() == SmtpSettings.Tls.STARTTLS) {
                step = "STARTTLS";
                startTls();
                step = "EHLO after STARTTLS";
                ehlo();
            }
            if (settings.user() != null) {
                step = "AUTH";
                authenticate(password);
            }
            step = "MAIL FROM";
            expect(command("MAIL FROM:<" + settings.from() + ">"), 2, "MAIL FROM:<" + settings.from() + ">");
            for (String recipient : settings.to()) {
                step = "RCPT TO";
                expect(command("RCPT TO:<" + recipient + ">"), 2, "RCPT TO:<" + recipient + ">");
            }
            step = "DATA";
            expect(command("DATA"), 3, "DATA");
            step = "the end of DATA";
            out.write(dotStuffed(message));
            out.flush();
            expect(read(), 2, "the message (end of DATA)");
        } catch (SocketTimeoutException e) {
            throw failure("no answer within " + settings.timeout().toSeconds() + " s while waiting for " + step, e);
        } catch (SSLException e) {
            throw failure("TLS failed during " + step + ": " + Values.printable(e.getMessage()), e);
        } catch (ConnectException e) {
            throw failure("cannot connect: " + Values.printable(e.getMessage()), e);
        } catch (UnknownHostException e) {
            throw failure("unknown host", e);
        } catch (IOException e) {
            throw failure("connection failed during " + step + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + Values.printable(e.getMessage())), e);
        }
        try {
            command("QUIT");
        } catch (IOException | DeliveryException e) {
            // the message was accepted: a server that hangs up without answering QUIT changes nothing
        }
        quit = true;
    }

    private void connect() throws IOException, DeliveryException {
        String host = settings.host().replaceAll("^\\[|]$", "");
        int timeout = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, settings.port()), timeout);
        socket.setSoTimeout(timeout);
        if (settings.tls() == SmtpSettings.Tls.IMPLICIT) {
            layerTls();
        } else {
            streams(socket);
        }
    }

    private void ehlo() throws IOException, DeliveryException {
        Reply reply = command("EHLO " + heloName());
        if (reply.code() == 500 || reply.code() == 502) {
            // an old server without ESMTP: no extensions, so no STARTTLS or AUTH either
            expect(command("HELO " + heloName()), 2, "HELO");
            extensions = Set.of();
            return;
        }
        expect(reply, 2, "EHLO");
        Set<String> found = new HashSet<>();
        for (String line : reply.lines().subList(1, reply.lines().size())) {
            found.add(line.strip().toUpperCase(Locale.ROOT).replace('=', ' '));
        }
        extensions = found;
    }

    private void startTls() throws IOException, DeliveryException {
        if (!extensions.contains("STARTTLS")) {
            throw failure("the server does not offer STARTTLS; set tls=none to send unencrypted on a trusted network",
                    null);
        }
        expect(command("STARTTLS"), 2, "STARTTLS");
        if (position < limit) {
            // bytes that arrived before the handshake would be taken as if they came over TLS (CVE-2011-0411 style)
            throw failure("the server sent data after its STARTTLS reply, before TLS began: refused", null);
        }
        layerTls();
    }

    private SSLSocketFactory trustedFactory() throws DeliveryException {
        try {
            return TrustedCertificates.context(settings.trustCertificates()).getSocketFactory();
        } catch (IOException e) {
            throw new DeliveryException(
                    "smtp notifier: setting '" + SmtpSettings.TRUST_CERTIFICATES + "': " + e.getMessage(), e);
        }
    }

    private void layerTls() throws IOException, DeliveryException {
        SSLSocketFactory factory = trustedFactory();
        SSLSocket tls = (SSLSocket) factory.createSocket(socket, settings.host().replaceAll("^\\[|]$", ""),
                settings.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(socket.getSoTimeout());
        tls.startHandshake();
        socket = tls;
        encrypted = true;
        streams(tls);
    }

    private void authenticate(byte[] password) throws IOException, DeliveryException {
        if (!encrypted && !settings.allowPlainAuth()) {
            throw failure("refusing AUTH over an unencrypted connection", null);
        }
        Set<String> mechanisms = new HashSet<>();
        for (String extension : extensions) {
            if (extension.startsWith("AUTH ")) {
                mechanisms.addAll(Arrays.asList(extension.substring(5).strip().split("\\s+")));
            }
        }
        byte[] user = settings.user().getBytes(StandardCharsets.UTF_8);
        String as = "AUTH for user '" + Values.printable(settings.user()) + "'";
        if (mechanisms.contains("PLAIN")) {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            plain.write(0);
            plain.write(user);
            plain.write(0);
            plain.write(password);
            byte[] raw = plain.toByteArray();
            try {
                expect(secretCommand("AUTH PLAIN ", raw), 2, as + " (PLAIN)");
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        } else if (mechanisms.contains("LOGIN")) {
            expect(command("AUTH LOGIN"), 3, as + " (LOGIN)");
            expect(secretCommand("", user), 3, as + " (LOGIN user name)");
            expect(secretCommand("", password), 2, as + " (LOGIN)");
        } else {
            throw failure("the server offers no AUTH mechanism this client speaks (PLAIN, LOGIN); it offers: "
                    + (mechanisms.isEmpty() ? "none" : String.join(" ", mechanisms)), null);
        }
    }

    /** Sends {@code prefix} and base64 of {@code secret} without ever making a String of the secret. */
    private Reply secretCommand(String prefix, byte[] secret) throws IOException, DeliveryException {
        byte[] encoded = Base64.getEncoder().encode(secret);
        try {
            out.write(prefix.getBytes(StandardCharsets.US_ASCII));
            out.write(encoded);
            out.write(MailMessage.CRLF.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
        return read();
    }

    private Reply command(String line) throws IOException, DeliveryException {
        out.write((line + MailMessage.CRLF).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return read();
    }

    private void expect(Reply reply, int hundreds, String what) throws DeliveryException {
        if (!reply.is(hundreds)) {
            throw new DeliveryException("SMTP server refused " + what + ": " + reply.code() + " " + reply.text() + " ("
                    + settings.server() + ")", null);
        }
    }

    /** Reads one reply, all its lines. */
    private Reply read() throws IOException, DeliveryException {
        List<String> lines = new ArrayList<>();
        int code;
        while (true) {
            String line = readLine();
            if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)
                    || line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-') {
                throw failure("the server sent something that is not an SMTP reply: '" + Values.printable(line)
                        + "'", null);
            }
            code = Integer.parseInt(line.substring(0, 3));
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new Reply(code, List.copyOf(lines));
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit < 0) {
                    limit = 0;
                    throw new IOException("the server closed the connection");
                }
            }
            byte b = buffer[position++];
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("a reply line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    /** The message with a dot doubled at the start of each line, then the terminating {@code CRLF.CRLF}. */
    static byte[] dotStuffed(String message) {
        StringBuilder data = new StringBuilder(message.length() + 16);
        for (String line : message.split("\r\n", -1)) {
            if (line.startsWith(".")) {
                data.append('.');
            }
            data.append(line).append(MailMessage.CRLF);
        }
        // split leaves an empty last element when the message ends with CRLF: that line is the terminator's start
        data.setLength(data.length() - MailMessage.CRLF.length());
        if (!message.endsWith(MailMessage.CRLF)) {
            data.append(MailMessage.CRLF);
        }
        data.append('.').append(MailMessage.CRLF);
        return data.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private String heloName() {
        if (settings.heloName() != null) {
            return settings.heloName();
        }
        InetAddress local = socket.getLocalAddress();
        return local instanceof Inet6Address
                ? "[IPv6:" + local.getHostAddress().replaceAll("%.*$", "") + "]"
                : "[" + local.getHostAddress() + "]";
    }

    private void streams(Socket s) throws IOException {
        in = s.getInputStream();
        out = new BufferedOutputStream(s.getOutputStream());
        position = 0;
        limit = 0;
    }

    private DeliveryException failure(String problem, Throwable cause) {
        return new DeliveryException("SMTP delivery to " + settings.server() + " failed: " + problem, cause);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                if (!quit && out != null) {
                    // after a refusal: say goodbye without waiting for the answer
                    out.write(("QUIT" + MailMessage.CRLF).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                // the connection is already gone
            }
            try {
                socket.close();
            } catch (IOException e) {
                // closing after a failure or after QUIT: nothing more to do
            }
        }
    }
}

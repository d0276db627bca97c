package org.opsbench.monitoring.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small SMTP server on 127.0.0.1 for the tests, one connection at a time: EHLO/HELO, STARTTLS (when given a TLS
 * context), AUTH PLAIN and LOGIN (the mechanisms it is told to offer, checked against one user and password), MAIL,
 * RCPT (answering 550 to the recipients it is told to refuse), DATA (undoing the dot-stuffing), RSET, NOOP, QUIT. It
 * records every session: the commands, the envelope, the raw and the un-stuffed data, and whether a line ended without
 * CR.
 */
final class SmtpReceiver implements AutoCloseable {

    /** What one connection did. */
    static final class Session {
        final List<String> commands = new CopyOnWriteArrayList<>();
        final List<String> recipients = new CopyOnWriteArrayList<>();
        final List<String> rawData = new CopyOnWriteArrayList<>();
        volatile String from;
        volatile String data;
        volatile boolean tls;
        volatile boolean tlsBeforeAuth;
        volatile String authMechanism;
        volatile String authUser;
        volatile String authPassword;
        volatile int ehlos;
        volatile int bareLineFeeds;
        volatile boolean quit;
    }

    private final ServerSocket server;
    private final SSLContext tls;
    private final Set<String> mechanisms;
    private final String user;
    private final String password;
    private final Set<String> refused;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final Thread thread;

    /**
     * @param tls
     *            offers STARTTLS with this context, or none when {@code null}
     * @param mechanisms
     *            the AUTH mechanisms offered ({@code PLAIN}, {@code LOGIN}), none when empty
     * @param refused
     *            recipients answered with 550
     */
    SmtpReceiver(SSLContext tls, Set<String> mechanisms, String user, String password, Set<String> refused)
            throws IOException {
        this.tls = tls;
        this.mechanisms = mechanisms;
        this.user = user;
        this.password = password;
        this.refused = refused;
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "smtp-receiver-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** A plain server without STARTTLS or AUTH. */
    static SmtpReceiver plain(Set<String> refused) throws IOException {
        return new SmtpReceiver(null, Set.of(), null, null, refused);
    }

    int port() {
        return server.getLocalPort();
    }

    List<Session> sessions() {
        return sessions;
    }

    /** The only session; fails when there was none or more. */
    Session session() {
        if (sessions.size() != 1) {
            throw new AssertionError("expected one SMTP session, had " + sessions.size());
        }
        return sessions.get(0);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(10_000);
                Session session = new Session();
                sessions.add(session);
                converse(socket, session);
            } catch (SocketException e) {
                // closed by close(), or the client hung up
            } catch (IOException e) {
                // the client went away mid-session: recorded as far as it got
            }
        }
    }

    private void converse(Socket plain, Session session) throws IOException {
        Socket socket = plain;
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        reply(out, "220 receiver.test ESMTP ready");
        while (true) {
            String line = readLine(in, session);
            if (line == null) {
                return;
            }
            String upper = line.toUpperCase(Locale.ROOT);
            // the credentials of an AUTH command are recorded apart
            session.commands.add(upper.startsWith("AUTH ") ? "AUTH " + upper.split(" ")[1] : line);
            if (upper.startsWith("EHLO ")) {
                session.ehlos++;
                List<String> lines = new ArrayList<>(List.of("receiver.test greets " + line.substring(5)));
                if (tls != null && !session.tls) {
                    lines.add("STARTTLS");
                }
                if (!mechanisms.isEmpty()) {
                    lines.add("AUTH " + String.join(" ", mechanisms));
                }
                lines.add("8BITMIME");
                for (int i = 0; i < lines.size(); i++) {
                    reply(out, "250" + (i == lines.size() - 1 ? " " : "-") + lines.get(i));
                }
            } else if (upper.startsWith("HELO ")) {
                reply(out, "250 receiver.test");
            } else if (upper.equals("STARTTLS") && tls != null && !session.tls) {
                reply(out, "220 2.0.0 ready to start TLS");
                SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(socket,
                        socket.getInetAddress().getHostAddress(), socket.getPort(), true);
                secure.setUseClientMode(false);
                secure.startHandshake();
                socket = secure;
                in = secure.getInputStream();
                out = secure.getOutputStream();
                session.tls = true;
            } else if (upper.startsWith("AUTH ")) {
                auth(line, in, out, session);
            } else if (upper.startsWith("MAIL FROM:")) {
                session.from = address(line);
                reply(out, "250 2.1.0 sender ok");
            } else if (upper.startsWith("RCPT TO:")) {
                String to = address(line);
                if (refused.contains(to)) {
                    reply(out, "550 5.1.1 no such user");
                } else {
                    session.recipients.add(to);
                    reply(out, "250 2.1.5 recipient ok");
                }
            } else if (upper.equals("DATA")) {
                if (session.from == null || session.recipients.isEmpty()) {
                    reply(out, "503 5.5.1 need MAIL and RCPT first");
                    continue;
                }
                reply(out, "354 end data with <CR><LF>.<CR><LF>");
                List<String> unstuffed = new ArrayList<>();
                for (String data = readLine(in, session); !".".equals(data); data = readLine(in, session)) {
                    if (data == null) {
                        return;
                    }
                    session.rawData.add(data);
                    unstuffed.add(data.startsWith(".") ? data.substring(1) : data);
                }
                session.data = String.join("\r\n", unstuffed) + "\r\n";
                reply(out, "250 2.0.0 queued");
            } else if (upper.equals("QUIT")) {
                session.quit = true;
                reply(out, "221 2.0.0 bye");
                return;
            } else if (upper.equals("RSET") || upper.equals("NOOP")) {
                reply(out, "250 2.0.0 ok");
            } else {
                reply(out, "502 5.5.2 command not recognized");
            }
        }
    }

    private void auth(String line, InputStream in, OutputStream out, Session session) throws IOException {
        String[] words = line.split(" ");
        String mechanism = words[1].toUpperCase(Locale.ROOT);
        session.authMechanism = mechanism;
        session.tlsBeforeAuth = session.tls;
        if (!mechanisms.contains(mechanism)) {
            reply(out, "504 5.5.4 mechanism not supported");
            return;
        }
        if (mechanism.equals("PLAIN")) {
            String initial = words.length > 2 ? words[2] : null;
            if (initial == null) {
                reply(out, "334 ");
                initial = readLine(in, session);
            }
            String[] parts = new String(Base64.getDecoder().decode(initial), StandardCharsets.UTF_8).split("\0", -1);
            session.authUser = parts[1];
            session.authPassword = parts[2];
        } else {
            reply(out, "334 " + Base64.getEncoder().encodeToString("Username:".getBytes(StandardCharsets.US_ASCII)));
            session.authUser = new String(Base64.getDecoder().decode(readLine(in, session)), StandardCharsets.UTF_8);
            reply(out, "334 " + Base64.getEncoder().encodeToString("Password:".getBytes(StandardCharsets.US_ASCII)));
            session.authPassword = new String(Base64.getDecoder().decode(readLine(in, session)),
                    StandardCharsets.UTF_8);
        }
        if (session.authUser.equals(user) && session.authPassword.equals(password)) {
            reply(out, "235 2.7.0 authentication successful");
        } else {
            reply(out, "535 5.7.8 authentication credentials invalid");
        }
    }

    private static String address(String command) {
        int open = command.indexOf('<');
        int close = command.indexOf('>');
        return open < 0 || close < open ? command : command.substring(open + 1, close);
    }

    /** One line without its CRLF, or {@code null} at the end; counts lines that ended in a bare LF. */
    private static String readLine(InputStream in, Session session) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') {
                    session.bareLineFeeds++;
                    return new String(bytes, StandardCharsets.UTF_8);
                }
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return null;
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.opsbench.monitoring.internal.checks;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.opsbench.monitoring.internal.support.Values;

/**
 * The parameters of an {@code http} check, read and checked.
 *
 * @param url
 *            what to ask for
 * @param method
 *            {@code GET} or {@code HEAD}
 * @param expect
 *            the statuses that are OK
 * @param mustMatch
 *            a pattern the body must contain, or {@code null}
 * @param mustNotMatch
 *            a pattern the body must not contain, or {@code null}
 * @param followRedirects
 *            whether redirects are followed (never from https to http)
 * @param trustCertificates
 *            a PEM file of the certificates to trust instead of the JDK's authorities, or {@code null}
 * @param certificateWarningDays
 *            WARNING when the certificate expires in fewer days (0: never)
 * @param certificateCriticalDays
 *            CRITICAL when the certificate expires in fewer days (0: only once expired)
 */
record HttpSettings(URI url, String method, Statuses expect, Pattern mustMatch, Pattern mustNotMatch,
        boolean followRedirects, Path trustCertificates, int certificateWarningDays, int certificateCriticalDays) {

    static final String URL = "url";
    static final String SCHEME = "scheme";
    static final String PORT = "port";
    static final String PATH = "path";
    static final String METHOD = "method";
    static final String EXPECT = "expect";
    static final String BODY_MATCHES = "bodyMatches";
    static final String BODY_MUST_NOT_MATCH = "bodyMustNotMatch";
    static final String FOLLOW_REDIRECTS = "followRedirects";
    static final String TRUST_CERTIFICATES = "trustCertificates";
    static final String CERTIFICATE_WARNING_DAYS = "certificateWarningDays";
    static final String CERTIFICATE_CRITICAL_DAYS = "certificateCriticalDays";

    static final String DEFAULT_EXPECT = "200-399";
    static final int DEFAULT_WARNING_DAYS = 30;
    static final int DEFAULT_CRITICAL_DAYS = 14;

    /**
     * Reads and checks the parameters; the refusal names the parameter.
     *
     * @param address
     *            the host's address, for a URL made of {@code scheme}, {@code port} and {@code path}, and for
     *            {@code $HOSTADDRESS$} in {@code url}
     */
    static HttpSettings of(Map<String, String> parameters, String address) throws ParameterException {
        Values<ParameterException> values = ParameterException.reader(parameters);
        URI url = url(values, address);
        String method = values.choice(METHOD, "GET", List.of("GET", "HEAD"));
        Statuses expect = Statuses.parse(values, values.optional(EXPECT, DEFAULT_EXPECT));
        Pattern mustMatch = pattern(values, BODY_MATCHES);
        Pattern mustNotMatch = pattern(values, BODY_MUST_NOT_MATCH);
        if (method.equals("HEAD") && (mustMatch != null || mustNotMatch != null)) {
            throw values.invalid(mustMatch != null ? BODY_MATCHES : BODY_MUST_NOT_MATCH,
                    "needs method GET: the answer to HEAD has no body");
        }
        Path trust = null;
        String file = values.optional(TRUST_CERTIFICATES);
        if (file != null) {
            // whether it can be read is for the run: the check may run on another machine than the one saving it
            try {
                trust = Path.of(file);
            } catch (InvalidPathException e) {
                throw values.invalid(TRUST_CERTIFICATES, "is not a file path");
            }
            if (!trust.isAbsolute()) {
                throw values.invalid(TRUST_CERTIFICATES, "must be an absolute path, was '" + file + "'");
            }
        }
        int warning = values.integer(CERTIFICATE_WARNING_DAYS, DEFAULT_WARNING_DAYS, 0, 3650);
        int critical = values.integer(CERTIFICATE_CRITICAL_DAYS, DEFAULT_CRITICAL_DAYS, 0, 3650);
        if (warning != 0 && critical > warning) {
            throw values.invalid(CERTIFICATE_CRITICAL_DAYS,
                    "must not be more than " + CERTIFICATE_WARNING_DAYS + " (" + warning + "), was " + critical);
        }
        return new HttpSettings(url, method, expect, mustMatch, mustNotMatch, values.bool(FOLLOW_REDIRECTS, false),
                trust, warning, critical);
    }

    /** {@code url} (with {@code $HOSTADDRESS$} replaced), or one made of scheme, the address, port and path. */
    private static URI url(Values<ParameterException> values, String address) throws ParameterException {
        String host = address.indexOf(':') >= 0 && !address.startsWith("[") ? "[" + address + "]" : address;
        String given = values.optional(URL);
        if (given != null) {
            for (String part : List.of(SCHEME, PORT, PATH)) {
                if (values.optional(part) != null) {
                    throw values.invalid(part, "cannot be given with '" + URL + "' (the URL says it)");
                }
            }
            return values.httpUrl(URL, given.replace("$HOSTADDRESS$", host), "");
        }
        String scheme = values.choice(SCHEME, "http", List.of("http", "https"));
        int port = values.integer(PORT, scheme.equals("https") ? 443 : 80, 1, 65535);
        String path = values.optional(PATH, "/");
        if (!path.startsWith("/")) {
            throw values.invalid(PATH, "must start with '/', was '" + Values.printable(path) + "'");
        }
        return values.httpUrl(PATH, scheme + "://" + host + ":" + port + path, "");
    }

    private static Pattern pattern(Values<ParameterException> values, String name) throws ParameterException {
        String regex = values.optional(name);
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw values.invalid(name, "is not a regular expression: " + e.getDescription() + " near index "
                    + e.getIndex() + " of '" + Values.printable(regex) + "'");
        }
    }

    /** {@code scheme://host:port/path} of {@code uri}: never its user info (credentials) or query (tokens). */
    static String shown(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getHost() == null) {
            return path;
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path;
    }

    /** The HTTP statuses that count as OK: codes and ranges such as {@code 200-399}, {@code 2xx}, {@code 200,301}. */
    record Statuses(List<int[]> ranges, String text) {

        static Statuses parse(Values<ParameterException> values, String text) throws ParameterException {
            List<int[]> ranges = new ArrayList<>();
            for (String item : text.split(",")) {
                String part = item.strip().toLowerCase(java.util.Locale.ROOT);
                int[] range;
                if (part.matches("[1-5]xx")) {
                    int hundred = (part.charAt(0) - '0') * 100;
                    range = new int[]{hundred, hundred + 99};
                } else if (part.matches("\\d{3}-\\d{3}")) {
                    range = new int[]{Integer.parseInt(part.substring(0, 3)), Integer.parseInt(part.substring(4))};
                } else if (part.matches("\\d{3}")) {
                    range = new int[]{Integer.parseInt(part), Integer.parseInt(part)};
                } else {
                    throw values.invalid(EXPECT, "must list statuses such as 200, 200-399 or 2xx, separated by"
                            + " commas; was '" + Values.printable(text) + "'");
                }
                if (range[0] < 100 || range[1] > 599 || range[0] > range[1]) {
                    throw values.invalid(EXPECT, "'" + part + "' is not a range of statuses from 100 to 599");
                }
                ranges.add(range);
            }
            return new Statuses(List.copyOf(ranges), text.replace(" ", ""));
        }

        boolean contains(int status) {
            return ranges.stream().anyMatch(r -> status >= r[0] && status <= r[1]);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}

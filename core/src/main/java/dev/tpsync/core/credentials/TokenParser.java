package dev.tpsync.core.credentials;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what a user pasted into a {@link BearerToken}, fixing the harmless copy mistakes (with a note
 * saying what was fixed) and refusing the others with a message that says how to copy it right.
 *
 * <p>No message or note ever contains the token or any piece of it. Stateless and thread-safe.
 */
public final class TokenParser {

    /** Shorter than this cannot be a TrainingPeaks token: it was cut off when copied. */
    public static final int MIN_TOKEN_LENGTH = 20;

    static final String WHERE = "In the browser's DevTools, open the Network tab, click a request to"
            + " tpapi.trainingpeaks.com, and under Request Headers copy the value of Authorization"
            + " (it starts with \"Bearer \").";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern HEADER_LINE = Pattern.compile("^:?[A-Za-z][A-Za-z0-9-]*:(\\s.*)?$");
    private static final Pattern AUTH_LABEL = Pattern.compile("(?i)^authorization\\s*:\\s*");
    private static final Pattern COOKIE_LABEL = Pattern.compile("(?i)^(set-)?cookie\\s*:");
    private static final Pattern COOKIE_PAIR = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.\\-]*=[^=].*");
    private static final Pattern BEARER = Pattern.compile("(?i)^bearer(?=[\\s\\u00A0]|$|eyJ)([\\s\\u00A0]*)");

    private TokenParser() {
    }

    /**
     * The token plus one note per copy mistake that was fixed on the way (for example "removed the
     * quotes"), so the CLI can tell the user without failing.
     */
    public record ParsedToken(BearerToken token, List<String> notes) {
        public ParsedToken {
            Objects.requireNonNull(token, "token == null");
            notes = List.copyOf(notes);
        }
    }

    /**
     * Accepts {@code Bearer eyJ…}, {@code Authorization: Bearer eyJ…}, the bare token (JWT or opaque
     * {@code gAAAA…}), surrounded by quotes, spaces or newlines.
     *
     * @throws CredentialException naming the copy mistake; never echoing the token
     */
    public static BearerToken parse(String pasted) {
        return parseWithNotes(pasted).token();
    }

    /**
     * Like {@link #parse(String)}, and also says which copy mistakes were fixed.
     *
     * @throws CredentialException naming the copy mistake that cannot be fixed; never echoing the token
     */
    public static ParsedToken parseWithNotes(String pasted) {
        List<String> notes = new ArrayList<>();
        String s = Pasted.strip(pasted == null ? "" : pasted);
        if (s.isEmpty()) {
            throw new CredentialException("The token is empty. " + WHERE);
        }
        rejectHeaderBlock(s);

        String unquoted = Pasted.unquote(s);
        boolean quoted = !unquoted.equals(s);
        s = unquoted;
        if (s.isEmpty()) {
            throw new CredentialException("Only quotes were pasted; the token that belongs inside them is missing. " + WHERE);
        }

        rejectCookie(s);
        Matcher label = AUTH_LABEL.matcher(s);
        if (label.find()) {
            s = Pasted.strip(s.substring(label.end()));
            notes.add("Removed the label \"Authorization:\" in front of the token; only the value after it is needed.");
            unquoted = Pasted.unquote(s);
            quoted |= !unquoted.equals(s);
            s = unquoted;
        }
        if (s.isEmpty()) {
            throw new CredentialException("Only the label \"Authorization:\" was pasted, without the value after it. " + WHERE);
        }
        rejectCookie(s);

        Matcher bearer = BEARER.matcher(s);
        if (bearer.find()) {
            String gap = bearer.group(1);
            s = s.substring(bearer.end());
            if (s.isEmpty()) {
                throw new CredentialException("Only the word \"Bearer\" was pasted; the token after it is missing. " + WHERE);
            }
            if (gap.isEmpty()) {
                notes.add("There was no space after \"Bearer\"; the token was read anyway.");
            } else if (!gap.equals(" ")) {
                notes.add("Removed extra spaces after \"Bearer\"; there should be exactly one.");
            }
            unquoted = Pasted.unquote(s);
            quoted |= !unquoted.equals(s);
            s = unquoted;
        } else {
            notes.add("The word \"Bearer\" was missing; the bare token was accepted.");
        }
        if (quoted) {
            notes.add("Removed the quotes around the token; paste it without quotes.");
        }

        String token = s;
        checkToken(token);
        return new ParsedToken(new BearerToken(token), notes);
    }

    /** The JWT {@code exp} claim when the token is a JWT with one (no signature check); empty otherwise. */
    public static Optional<Instant> expiry(BearerToken token) {
        Optional<JsonNode> payload = jwtPayload(token.token());
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        JsonNode exp = payload.get().get("exp");
        if (exp == null || !exp.isNumber()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(exp.asLong()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * How long {@code token} has left at {@code clock}'s now; empty when the token carries no expiry
     * (opaque tokens, or a JWT without {@code exp}).
     */
    public static Optional<TokenLifetime> lifetime(BearerToken token, Clock clock) {
        return expiry(token).map(exp -> TokenLifetime.at(exp, clock.instant()));
    }

    private static void rejectHeaderBlock(String s) {
        String[] lines = s.split("\\R");
        int headerLines = 0;
        for (String line : lines) {
            if (HEADER_LINE.matcher(line.strip()).matches()) {
                headerLines++;
            }
        }
        if (headerLines >= 2) {
            throw new CredentialException("Several request headers were pasted (" + headerLines + " lines like"
                    + " \"Name: value\"). Copy only the value of the Authorization header, not the whole block. " + WHERE);
        }
    }

    private static void rejectCookie(String s) {
        if (COOKIE_LABEL.matcher(s).find() || s.contains("tpAuth=") || COOKIE_PAIR.matcher(s).matches()
                || (s.contains("=") && s.contains(";"))) {
            throw new CredentialException("This looks like a cookie (name=value pairs such as Production_tpAuth=…),"
                    + " not the bearer token. The cookie is a different secret and tpsync does not use it. " + WHERE);
        }
    }

    private static void checkToken(String token) {
        if (token.endsWith("\u2026") || token.endsWith("...")) {
            throw new CredentialException("The token ends with \"…\": it was shortened on screen and copied cut off."
                    + " Copy the full value (in Chrome, right-click the Authorization header and choose Copy value). " + WHERE);
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                throw new CredentialException("The token contains a space, line break or control character at position "
                        + (i + 1) + " of " + token.length() + "; a token is one unbroken piece of text. "
                        + "Copy it again in one piece. " + WHERE);
            }
        }
        int bad = firstBadChar(token);
        if (bad >= 0) {
            throw new CredentialException("The token contains a character that cannot appear in a bearer token"
                    + " at position " + (bad + 1) + " of " + token.length() + ". " + WHERE);
        }
        if (token.startsWith("eyJ")) {
            String[] parts = token.split("\\.", -1);
            if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
                throw new CredentialException("The token looks cut off: a token starting with \"eyJ\" has three parts"
                        + " separated by dots, and this one has " + countNonEmpty(parts) + ". " + WHERE);
            }
            if (jwtPayload(token).isEmpty()) {
                throw new CredentialException("The token looks cut off or altered: its middle part cannot be decoded. " + WHERE);
            }
        }
        if (token.length() < MIN_TOKEN_LENGTH) {
            throw new CredentialException("The token is only " + token.length() + " characters long, far too short:"
                    + " it was probably cut off when copied. " + WHERE);
        }
    }

    private static int countNonEmpty(String[] parts) {
        int n = 0;
        for (String p : parts) {
            if (!p.isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /**
     * The index of the first character that cannot be in a token, or -1: {@code =} is padding, allowed
     * only as a run at the end, and at least one other character must come before it.
     */
    private static int firstBadChar(String token) {
        int body = trimPadding(token).length();
        if (body == 0) {
            return 0;
        }
        for (int i = 0; i < body; i++) {
            if (!isTokenChar(token.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "._~+/-".indexOf(c) >= 0;
    }

    private static Optional<JsonNode> jwtPayload(String token) {
        if (!token.startsWith("eyJ")) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(trimPadding(parts[1]));
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (RuntimeException e) {
            // Includes Jackson's (unchecked in Jackson 3) parse errors; never rethrow: they may quote the payload.
            return Optional.empty();
        }
    }

    private static String trimPadding(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        return s.substring(0, end);
    }
}

package dev.tpsync.core.credentials;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses an athlete ID as users paste it. Messages never repeat the pasted value (it may be a token by mistake). */
public final class AthleteIds {

    private static final Pattern IN_PATH = Pattern.compile("(?i)/athletes/([^/?#\\s]*)");
    private static final String EXAMPLE = " It is the number in request URLs such as"
            + " https://tpapi.trainingpeaks.com/fitness/v6/athletes/123456/workouts (here 123456).";

    private AthleteIds() {
    }

    /**
     * Digits only, or a TrainingPeaks URL containing {@code /athletes/<n>/}.
     *
     * @throws CredentialException saying what was wrong with the value
     */
    public static long parse(String pasted) {
        String s = Pasted.unquote(Pasted.strip(pasted == null ? "" : pasted));
        if (s.isEmpty()) {
            throw new CredentialException("The athlete ID is empty." + EXAMPLE);
        }
        if (s.regionMatches(true, 0, "bearer", 0, 6) || s.startsWith("eyJ")) {
            throw new CredentialException("This looks like the bearer token, not the athlete ID." + EXAMPLE);
        }
        if (s.contains("/")) {
            Matcher m = IN_PATH.matcher(s);
            if (!m.find()) {
                throw new CredentialException("The URL does not contain /athletes/<number>/." + EXAMPLE);
            }
            String id = m.group(1);
            if (!allDigits(id)) {
                throw new CredentialException("The URL has /athletes/ but no number after it." + EXAMPLE);
            }
            return checked(id);
        }
        String digits = Pasted.withoutBlanks(s);
        if (digits.startsWith("-") && allDigits(digits.substring(1))) {
            throw new CredentialException("The athlete ID cannot be negative." + EXAMPLE);
        }
        if (!allDigits(digits)) {
            throw new CredentialException("The athlete ID must be digits only; it contains other characters." + EXAMPLE);
        }
        return checked(digits);
    }

    private static boolean allDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static long checked(String digits) {
        String d = digits.replaceFirst("^0+(?=\\d)", "");
        if (d.length() > 18) {
            throw new CredentialException("The athlete ID is too long (" + digits.length() + " digits)." + EXAMPLE);
        }
        long id = Long.parseLong(d);
        if (id == 0) {
            throw new CredentialException("The athlete ID cannot be 0." + EXAMPLE);
        }
        return id;
    }
}

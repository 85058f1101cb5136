package dev.tpsync.core.credentials;

import static dev.tpsync.core.credentials.Tokens.JWT;
import static dev.tpsync.core.credentials.Tokens.JWT_NO_EXP;
import static dev.tpsync.core.credentials.Tokens.OPAQUE;
import static dev.tpsync.core.credentials.Tokens.assertNoPieceOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenParserTest {

    static Stream<Arguments> acceptedPastes() {
        return Stream.of(
                // pasted, expected token, notes that must appear (substring each)
                Arguments.of("Bearer " + JWT, JWT, List.of()),
                Arguments.of("  \n\tBearer " + JWT + " \r\n", JWT, List.of()),
                Arguments.of("bearer " + JWT, JWT, List.of()),
                Arguments.of("Authorization: Bearer " + JWT, JWT, List.of("\"Authorization:\"")),
                Arguments.of("authorization:Bearer " + JWT, JWT, List.of("\"Authorization:\"")),
                Arguments.of(JWT, JWT, List.of("\"Bearer\" was missing")),
                Arguments.of(OPAQUE, OPAQUE, List.of("\"Bearer\" was missing")),
                Arguments.of("Bearer " + OPAQUE, OPAQUE, List.of()),
                Arguments.of("\"Bearer " + JWT + "\"", JWT, List.of("quotes")),
                Arguments.of("'Bearer " + JWT + "'", JWT, List.of("quotes")),
                Arguments.of("\u201CBearer " + JWT + "\u201D", JWT, List.of("quotes")),
                Arguments.of("\u00ABBearer " + JWT + "\u00BB", JWT, List.of("quotes")),
                Arguments.of("''" + JWT, JWT, List.of("quotes", "\"Bearer\" was missing")),
                Arguments.of("Bearer \"" + JWT + "\"", JWT, List.of("quotes")),
                Arguments.of("\"Authorization: Bearer " + JWT + "\"", JWT, List.of("quotes", "\"Authorization:\"")),
                Arguments.of("Bearer   " + JWT, JWT, List.of("extra spaces")),
                Arguments.of("Bearer\t" + JWT, JWT, List.of("extra spaces")),
                Arguments.of("Bearer" + JWT, JWT, List.of("no space")),
                Arguments.of("\u00A0Bearer " + JWT + "\u200B", JWT, List.of()));
    }

    @ParameterizedTest
    @MethodSource("acceptedPastes")
    void acceptsWhatUsersPasteAndSaysWhatItFixed(String pasted, String expected, List<String> expectedNotes) {
        TokenParser.ParsedToken parsed = TokenParser.parseWithNotes(pasted);

        assertThat(parsed.token().token()).isEqualTo(expected);
        assertThat(parsed.token().headerValue()).isEqualTo("Bearer " + expected);
        assertThat(parsed.notes()).hasSize(expectedNotes.size());
        for (String note : expectedNotes) {
            assertThat(parsed.notes()).anySatisfy(n -> assertThat(n).contains(note));
        }
        parsed.notes().forEach(n -> assertNoPieceOf(expected, n));
    }

    static Stream<Arguments> refusedPastes() {
        String jwt2 = JWT.substring(0, JWT.lastIndexOf('.'));
        return Stream.of(
                Arguments.of("", JWT, "empty"),
                Arguments.of(" \n\t ", JWT, "empty"),
                Arguments.of("Bearer ", JWT, "\"Bearer\" was pasted"),
                Arguments.of("Authorization:", JWT, "Only the label"),
                Arguments.of("\"\"", JWT, "Only quotes were pasted"),
                Arguments.of("\u201C \u00A0\u201D", JWT, "Only quotes were pasted"),
                Arguments.of("Bearer \"\"", JWT, "\"Bearer\" was pasted"),
                Arguments.of("Bearer " + JWT.substring(0, 40) + "…", JWT, "ends with \"…\""),
                Arguments.of("Bearer " + JWT.substring(0, 40) + "...", JWT, "ends with \"…\""),
                Arguments.of("Bearer " + jwt2, JWT, "three parts"),
                Arguments.of("Bearer " + jwt2 + ".", JWT, "three parts"),
                Arguments.of("Bearer eyJhbGciOiJIUzI1NiJ9.!!notbase64!!.sig", "eyJhbGciOiJIUzI1NiJ9.!!notbase64!!.sig", "character"),
                Arguments.of("Bearer eyJhbGciOiJIUzI1NiJ9.bm90LWpzb24tYXQtYWxs.c2lnbmF0dXJl", "bm90LWpzb24tYXQtYWxs", "cannot be decoded"),
                Arguments.of("Bearer gAAAAAB12345", "gAAAAAB12345", "too short"),
                Arguments.of("Production_tpAuth=" + OPAQUE, OPAQUE, "cookie"),
                Arguments.of("Cookie: Production_tpAuth=" + OPAQUE + "; ajs_user_id=42", OPAQUE, "cookie"),
                Arguments.of("tp_session=" + OPAQUE + "; other=1", OPAQUE, "cookie"),
                Arguments.of("Host: tpapi.trainingpeaks.com\nAuthorization: Bearer " + JWT + "\nAccept: */*", JWT,
                        "Copy only the value of the Authorization header"),
                Arguments.of(":authority: tpapi.trainingpeaks.com\n:method: GET\nauthorization: Bearer " + JWT, JWT,
                        "Several request headers"),
                Arguments.of("Bearer " + JWT.substring(0, 30) + "\n" + JWT.substring(30), JWT, "line break or control character"),
                Arguments.of("Bearer " + JWT.substring(0, 30) + " " + JWT.substring(30), JWT, "space"),
                Arguments.of("Bearer " + JWT.substring(0, 30) + "\u0000" + JWT.substring(30), JWT, "control character"),
                Arguments.of("Bearer " + JWT + "\r\nX-Injected: yes", JWT, "line break"));
    }

    @ParameterizedTest
    @MethodSource("refusedPastes")
    void refusesCopyMistakesItCannotFixWithoutEchoingTheToken(String pasted, String secret, String expectedMessage) {
        CredentialException e = catchThrowableOfType(CredentialException.class, () -> TokenParser.parse(pasted));

        assertThat(e).as("expected a CredentialException").isNotNull();
        assertThat(e.getMessage()).contains(expectedMessage);
        assertNoPieceOf(secret, e.getMessage());
        assertNoPieceOf(pasted.replaceAll("(?i)bearer|authorization|production_tpauth|cookie|tpapi\\.trainingpeaks\\.com", ""),
                e.getMessage().replaceAll("(?i)bearer|authorization|production_tpauth|cookie|tpapi\\.trainingpeaks\\.com", ""));
    }

    @Test
    void anEqualsSignInsideTheTokenIsReportedWhereItIs() {
        String token = "gAAAA+bcdefghij/klmn=opqrstuvwxyz";

        CredentialException e = catchThrowableOfType(CredentialException.class, () -> TokenParser.parse("Bearer " + token));

        assertThat(e).as("expected a CredentialException").isNotNull();
        assertThat(e.getMessage()).contains("at position 21 of 33");
        assertNoPieceOf(token, e.getMessage());
    }

    @Test
    void paddingAtTheEndIsAcceptedButPaddingAloneIsNot() {
        assertThat(TokenParser.parse("Bearer gAAAA+bcdefghij/klmnopqrstuvwxyz==").token())
                .isEqualTo("gAAAA+bcdefghij/klmnopqrstuvwxyz==");

        CredentialException e = catchThrowableOfType(CredentialException.class,
                () -> TokenParser.parse("Bearer " + "=".repeat(24)));

        assertThat(e).as("expected a CredentialException").isNotNull();
        assertThat(e.getMessage()).contains("at position 1 of 24");
    }

    @Test
    void refusesNullLikeEmpty() {
        assertThat(catchThrowableOfType(CredentialException.class, () -> TokenParser.parse(null)).getMessage())
                .contains("empty");
    }

    @Test
    void everyRefusalExplainsWhereToFindTheHeader() {
        CredentialException e = catchThrowableOfType(CredentialException.class,
                () -> TokenParser.parse("Production_tpAuth=" + OPAQUE));

        assertThat(e.getMessage()).contains("Network", "Request Headers", "Authorization");
    }

    @Test
    void bearerTokenToStringIsRedacted() {
        BearerToken token = TokenParser.parse(JWT);

        assertThat(token.toString()).contains("JWT", "redacted");
        assertNoPieceOf(JWT, token.toString());
        assertNoPieceOf(OPAQUE, TokenParser.parse(OPAQUE).toString());
    }

    @Test
    void readsTheExpiryFromAJwtWithoutCheckingTheSignature() {
        assertThat(TokenParser.expiry(TokenParser.parse(JWT))).contains(Tokens.EXP);
    }

    @Test
    void noExpiryForOpaqueTokensOrJwtsWithoutExp() {
        assertThat(TokenParser.expiry(TokenParser.parse(OPAQUE))).isEmpty();
        assertThat(TokenParser.expiry(TokenParser.parse(JWT_NO_EXP))).isEmpty();
        assertThat(TokenParser.expiry(TokenParser.parse(Tokens.jwt("{\"exp\":\"soon\"}")))).isEmpty();
    }

    @Test
    void lifetimeSaysHowLongIsLeft() {
        Clock clock = Clock.fixed(Tokens.EXP.minus(Duration.ofMinutes(12)), ZoneOffset.UTC);

        TokenLifetime lifetime = TokenParser.lifetime(TokenParser.parse(JWT), clock).orElseThrow();

        assertThat(lifetime.expired()).isFalse();
        assertThat(lifetime.remaining()).isEqualTo(Duration.ofMinutes(12));
        assertThat(lifetime.describe()).isEqualTo("The token expires in 12 min (at 2026-03-02T10:15:00Z).");
    }

    @Test
    void lifetimeSaysWhenAnExpiredTokenExpired() {
        Clock clock = Clock.fixed(Tokens.EXP.plus(Duration.ofMinutes(90)), ZoneOffset.UTC);

        TokenLifetime lifetime = TokenParser.lifetime(TokenParser.parse(JWT), clock).orElseThrow();

        assertThat(lifetime.expired()).isTrue();
        assertThat(lifetime.remaining()).isZero();
        assertThat(lifetime.expiredAgo()).isEqualTo(Duration.ofMinutes(90));
        assertThat(lifetime.describe()).contains("expired 1 h 30 min ago", "2026-03-02T10:15:00Z");
    }

    @Test
    void aTokenIsExpiredAtItsExpiryInstant() {
        Clock clock = Clock.fixed(Tokens.EXP, ZoneOffset.UTC);

        assertThat(TokenParser.lifetime(TokenParser.parse(JWT), clock).orElseThrow().expired()).isTrue();
    }

    @Test
    void noLifetimeForOpaqueTokens() {
        assertThat(TokenParser.lifetime(TokenParser.parse(OPAQUE), Clock.systemUTC())).isEmpty();
    }
}

package org.assemblyhub.browser;

import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;

/** Reads the room claim of a Jitsi token the page was given (Nimbus, the tests' independent JWT library). */
final class JitsiTokenTestSupport {
    private JitsiTokenTestSupport() {}

    static String roomOf(String jwt) {
        try {
            return SignedJWT.parse(jwt).getJWTClaimsSet().getStringClaim("room");
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}

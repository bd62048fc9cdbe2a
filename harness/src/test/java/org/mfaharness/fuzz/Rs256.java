package org.mfaharness.fuzz;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.List;
import org.mfaharness.testing.TestKeys;
import org.mfaharness.testing.Tokens;

/** Signs raw header and payload JSON text (duplicates, odd types and all) with the test Entra key, RS256. */
final class Rs256 {
    /** The header Entra's v1 tokens carry, with the test key's kid. */
    static final String ENTRA_HEADER = "{\"typ\":\"JWT\",\"alg\":\"RS256\",\"kid\":\"" + TestKeys.ENTRA.keyId() + "\"}";

    private Rs256() {
    }

    static String signRaw(String headerJson, String payloadJson) {
        String input = Inputs.b64url(headerJson) + "." + Inputs.b64url(payloadJson);
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(TestKeys.ENTRA.privateKey());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Inputs.b64url(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid Partner Center v1 access token's claims as JSON text, followed by {@code extraMembers} (raw JSON members). */
    static String claimsWith(List<String> extraMembers) {
        long now = Instant.now().getEpochSecond();
        StringBuilder b = new StringBuilder("{\"aud\":\"https://api.partnercenter.microsoft.com\",\"iss\":\"https://sts.windows.net/")
                .append(Tokens.TENANT).append("/\",\"iat\":").append(now - 60).append(",\"nbf\":").append(now - 60)
                .append(",\"exp\":").append(now + 3540).append(",\"appid\":\"04b07795-8ddb-461a-bbee-02f9e1bf7b46\",\"tid\":\"")
                .append(Tokens.TENANT).append("\",\"scp\":\"user_impersonation\",\"ver\":\"1.0\"");
        for (String m : extraMembers) {
            b.append(',').append(m);
        }
        return b.append('}').toString();
    }
}

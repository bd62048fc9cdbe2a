package org.mfaharness.lab.entra;

import java.time.Instant;
import java.util.List;
import org.mfaharness.lab.config.Directory;

/**
 * What a finished sign-in proved, as remembered by authorization codes and refresh tokens: the user, the tenant the
 * tokens are for, the {@code amr}, whether MFA was satisfied and by whom, the IdP, and when.
 */
record AuthResult(Directory.UserInfo user, Directory.TenantInfo tokenTenant, List<String> amr, boolean mfaDone,
                  SignIn.MfaBy mfaBy, String idpIssuer, Instant authTime, String clientId, String nonce,
                  String ipAddress) {
    AuthResult {
        amr = List.copyOf(amr);
    }

    AuthResult forTenant(Directory.TenantInfo t) {
        return new AuthResult(user, t, amr, mfaDone, mfaBy, idpIssuer, authTime, clientId, null, ipAddress);
    }

    @Override
    public String toString() {
        return "AuthResult[" + user.upn() + ", amr=" + amr + "]";
    }
}

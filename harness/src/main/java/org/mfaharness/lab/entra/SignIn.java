package org.mfaharness.lab.entra;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mfaharness.lab.config.Directory;

/**
 * One sign-in in progress at lab Entra (Entra's {@code ctx}/flowToken): the authorization or device request that
 * started it and what has happened since. Guarded by its own monitor: a browser does one step at a time.
 */
final class SignIn {
    enum Kind { AUTHORIZE, DEVICE }

    enum MfaBy { NONE, FEDERATED_IDP, ENTRA, EAM }

    final String ctx;
    final Kind kind;
    final Instant started;
    // The request.
    String clientId;
    String redirectUri;
    String responseMode;
    String state;
    String nonce;
    String codeChallenge;
    String codeChallengeMethod;
    String resource;
    List<String> scopes = new ArrayList<>();
    boolean promptLogin;
    Directory.TenantInfo authTenant;
    DeviceGrant device;
    // Progress.
    Directory.UserInfo user;
    Directory.TenantInfo tokenTenant;
    String firstFactor;
    String idpIssuer;
    boolean mfaDone;
    String mfaAmr = "mfa";
    MfaBy mfaBy = MfaBy.NONE;
    int idpRequests;
    String samlRequestId;
    int passwordFailures;
    boolean entraMfaStarted;
    boolean entraMfaPassed;
    int otpFailures;
    String eamState;
    String eamNonce;
    String eamHintSub;
    String eamProvider;
    Instant eamStarted;

    SignIn(String ctx, Kind kind, Instant started) {
        this.ctx = ctx;
        this.kind = kind;
        this.started = started;
    }

    /** The {@code amr} this sign-in earns, in the order the lab emits it (first factor, second factor, mfa). */
    List<String> amr() {
        List<String> amr = new ArrayList<>();
        amr.add(firstFactor == null ? "pwd" : firstFactor);
        if (mfaBy == MfaBy.ENTRA) {
            amr.add("otp");
        }
        if (mfaDone) {
            amr.add(mfaAmr);
        }
        return amr;
    }
}

package org.mfaharness.lab.entra;

import java.time.Instant;
import java.util.List;

/** A device-code grant: pending until the user completes the device login, then holding its result or error. */
final class DeviceGrant {
    final String deviceCode;
    final String userCode;
    final String clientId;
    final String resource;
    final List<String> scopes;
    final String tenantSegment;
    final Instant expires;
    volatile AuthResult result;
    volatile Aadsts error;
    volatile boolean redeemed;

    DeviceGrant(String deviceCode, String userCode, String clientId, String resource, List<String> scopes,
                String tenantSegment, Instant expires) {
        this.deviceCode = deviceCode;
        this.userCode = userCode;
        this.clientId = clientId;
        this.resource = resource;
        this.scopes = List.copyOf(scopes);
        this.tenantSegment = tenantSegment;
        this.expires = expires;
    }
}

package org.mfaharness.artifact;

import java.util.Base64;

/** Base64 as artifacts carry it: standard or URL-safe alphabet, padded or not, line breaks allowed. */
public final class Base64Text {
    private Base64Text() {
    }

    /** @throws IllegalArgumentException when the text is not base64 in any of those forms */
    public static byte[] decode(String s) {
        String t = s.trim().replace('-', '+').replace('_', '/');
        int pad = (4 - t.length() % 4) % 4;
        return Base64.getMimeDecoder().decode(t + "=".repeat(pad == 3 ? 0 : pad));
    }
}

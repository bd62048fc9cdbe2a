package org.mfaharness.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For {@code --share}: removes signature values from artifacts' text so a bundle can leave the organisation
 * without carrying usable bearer credentials (a JWT without its signature, an assertion without SignatureValue is
 * not replayable). Re-judging such a bundle then reports "signature not re-verifiable" (a signature failure).
 */
public final class SignatureStripper {
    /** What replaces a removed signature. */
    public static final String MARK = "STRIPPED-FOR-SHARING";
    private static final Pattern JWS = Pattern.compile("(eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.)[A-Za-z0-9_-]+");
    private static final Pattern XML_SIG = Pattern.compile("(<(?:[A-Za-z0-9]+:)?SignatureValue[^>]*>)[^<]*(</)");

    private SignatureStripper() {
    }

    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        String s = JWS.matcher(text).replaceAll(Matcher.quoteReplacement("") + "$1" + MARK);
        return XML_SIG.matcher(s).replaceAll("$1" + MARK + "$2");
    }
}

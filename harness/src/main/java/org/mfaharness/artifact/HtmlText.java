package org.mfaharness.artifact;

import java.util.regex.Pattern;

/**
 * The visible text of an HTML page, roughly: scripts, styles and tags removed, the common entities decoded, runs of
 * whitespace collapsed into line breaks per block. Enough to read an error page's {@code AADSTSnnnnn: …} message.
 */
final class HtmlText {
    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)\\b[^>]*+>.*?</\\1\\s*+>");
    private static final Pattern BLOCK = Pattern.compile("(?i)</?(p|div|br|li|h[1-6]|tr|td|table|section|body)\\b[^>]*+>");
    private static final Pattern TAG = Pattern.compile("<[^>]*+>");

    private HtmlText() {
    }

    static String of(String html) {
        String s = SCRIPT.matcher(html).replaceAll(" ");
        s = BLOCK.matcher(s).replaceAll("\n");
        s = TAG.matcher(s).replaceAll(" ");
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        return s.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" *\\n[ \\n]*", "\n").strip();
    }
}

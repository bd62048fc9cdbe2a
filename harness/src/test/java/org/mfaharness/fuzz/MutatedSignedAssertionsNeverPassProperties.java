package org.mfaharness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfaharness.fuzz.gen.Gen.weight;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.Test;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.artifact.Saml2Response;
import org.mfaharness.artifact.WsFedResponse;
import org.mfaharness.artifact.saml.SamlAssertion;
import org.mfaharness.artifact.xml.Dom;
import org.mfaharness.fuzz.Corpus.Sample;
import org.mfaharness.fuzz.gen.Gen;
import org.mfaharness.fuzz.gen.Property;
import org.mfaharness.fuzz.gen.Tally;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Verdict;
import org.mfaharness.verify.chain.ChainJudgement;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Editing a signed artifact never earns a PASS it did not have, and never a PASS on other claims than those signed:
 * when an edited artifact PASSes, its baseline PASSed too and what was judged is, after exclusive canonicalization
 * (without comments, the enveloped signature left out), exactly the assertion that was signed — so only edits that
 * leave the signed content semantically unchanged (whitespace outside the signed element, quote style, a comment
 * where comments do not count, whitespace in the base64 SignatureValue) may keep a PASS. For JWTs: the signing
 * input is unchanged and the signature decodes to the same bytes. A FAIL, WARN or INCONCLUSIVE baseline never
 * turns into a PASS.
 *
 * <p>Edits are random (bit flips, truncations, insertions, deletions, inside the signed element most of the time)
 * and aimed: the MFA URI or the expected audience swapped in for the signed value, an unsigned assertion claiming MFA
 * (with the signed assertion's ID or another) inserted before, after or inside the signed one, comments inside values,
 * or a JWT payload re-encoded with {@code "amr":["mfa"]} under the old signature.
 */
class MutatedSignedAssertionsNeverPassProperties {
    private static final Map<String, ChainJudgement> BASELINES = new HashMap<>();
    private static final List<Sample> XML = List.copyOf(Corpus.SIGNED);
    private static final List<Sample> JWTS = List.copyOf(Corpus.TOKENS);

    private static synchronized ChainJudgement baseline(Sample s) {
        return BASELINES.computeIfAbsent(s.name(), n -> Engine.judge(s.text(), Engine.TRUSTING));
    }

    @Test
    void theBaselinesThatShouldPassDo() {
        for (String name : List.of("rstr-2005-mfa", "rstr-13-collection-mfa", "saml11-bare-mfa", "rstr-authenticationmethod-attribute",
                "rstr-authnmethodsreferences", "saml2-mfa", "saml2-bare-mfa", "saml2-mfa-both-signed")) {
            Sample s = XML.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            assertThat(baseline(s).verdict()).as(name).isEqualTo(Verdict.PASS);
        }
        assertThat(baseline(JWTS.get(0)).verdict()).as("jwt-mfa").isEqualTo(Verdict.PASS);
        for (Sample s : List.of(find("rstr-2005-password"), find("saml2-password"), find("rstr-mfa-other-key"),
                find("rstr-mfa-wrong-audience"))) {
            assertThat(baseline(s).verdict()).as(s.name()).isEqualTo(Verdict.FAIL);
        }
    }

    @Test
    void randomEditsOfSignedXml() {
        Tally outcomes = new Tally("baseline -> edited");
        Property.tries(1500).seed(20261241).forAll(Gen.of(XML), Mutation.some(), Gen.booleans(), (sample, edits, insideOnly) -> {
            String text = sample.text();
            int[] region = assertionRegion(text);
            String edited = insideOnly ? spliceEdits(text, region, edits) : Mutation.applyAll(edits, text);
            checkXml(sample, edited, outcomes);
        });
        outcomes.print();
    }

    @Test
    void aimedForgeriesOfSignedXml() {
        Tally outcomes = new Tally("baseline -> edited");
        Property.tries(900).seed(20261242).forAll(Gen.of(XML), forgeries(),
                (sample, forgery) -> checkXml(sample, forgery.apply(sample.text()), outcomes));
        outcomes.print();
    }

    @Test
    void editsOfSignedJwts() {
        Tally outcomes = new Tally("baseline -> edited");
        Property.tries(900).seed(20261243).forAll(Gen.of(JWTS), jwtEdits(), (sample, edit) -> {
            String edited = edit.apply(sample.text());
            ChainJudgement j = Engine.judge(edited, Engine.TRUSTING);
            outcomes.add(baseline(sample).verdict() + " -> " + j.verdict());
            if (j.verdict() == Verdict.PASS) {
                assertThat(baseline(sample).verdict()).as("the baseline of a PASSing edit").isEqualTo(Verdict.PASS);
                JwtToken t = (JwtToken) j.decisiveToken().artifact();
                String[] original = sample.text().split("\\.", -1);
                assertThat(t.signingInput()).as("signed bytes of a PASSing edit").isEqualTo(original[0] + "." + original[1]);
                assertThat(Arrays.equals(decodeSignature(t.signaturePart()), decodeSignature(original[2])))
                        .as("signature bytes of a PASSing edit").isTrue();
            }
        });
        outcomes.print();
    }

    /**
     * Edits of the ds:Signature itself — an Algorithm or URI attribute removed or replaced (HMAC, SHA-1, MD5, empty,
     * unknown), an element removed, duplicated or emptied, a value replaced by random base64 — are refused or
     * verified, never thrown, and never earn a PASS for other content than the signed one. (Found by
     * {@link #randomEditsOfSignedXml} with random seeds: a ds:Transform without an Algorithm attribute made the
     * verifier throw NullPointerException.)
     */
    @Test
    void editsOfTheSignatureElement() {
        Tally outcomes = new Tally("baseline -> edited");
        Property.tries(900).seed(20261245).forAll(Gen.of(XML), signatureEdits(),
                (sample, edit) -> checkXml(sample, edit.apply(sample.text()), outcomes));
        outcomes.print();
    }

    /**
     * A token whose {@code alg} is not one of the RSA algorithms verified (RS/PS 256–512) never PASSes, with the
     * JWKS or without: its signature was not checked. (Found by {@link #editsOfSignedJwts}: a bit flip turning
     * RS256 into RS257 made a token signed by an unknown key PASS.)
     */
    @Test
    void tokensWithAnAlgorithmNotVerifiedNeverPass() {
        Property.tries(600).seed(20261244).forAll(otherAlgorithms(), alg -> {
            String header = "{\"typ\":\"JWT\",\"alg\":" + Inputs.jsonString(alg) + ",\"kid\":\""
                    + org.mfaharness.testing.TestKeys.ENTRA.keyId() + "\"}";
            String[] p = Corpus.JWT_MFA.split("\\.", -1);
            String token = Inputs.b64url(header) + "." + p[1] + "." + p[2];
            assertThat(Engine.judge(token, Engine.TRUSTING).verdict()).as("verdict with the JWKS, alg %s", alg)
                    .isNotEqualTo(Verdict.PASS);
            assertThat(Engine.judge(token, Engine.UNTRUSTED).verdict()).as("verdict without trust, alg %s", alg)
                    .isNotEqualTo(Verdict.PASS);
        });
    }

    static Gen<String> otherAlgorithms() {
        return Gen.frequency(
                weight(3, Gen.of("RS257", "RS25", "rs256", "RS256 ", " RS256", "ES256", "ES384", "EdDSA", "PS255", "RSA-OAEP",
                        "none", "None", "HS256", "hs256", "", "RS256\u0000", "RS\u0130256")),
                weight(1, Inputs.unicode(8)))
                .filter(a -> !org.mfaharness.verify.jwt.JwsSignature.RSA_ALGORITHMS.contains(a));
    }

    private static void checkXml(Sample sample, String edited, Tally outcomes) {
        ChainJudgement j = Engine.judge(edited, Engine.TRUSTING);
        outcomes.add(baseline(sample).verdict() + " -> " + j.verdict());
        if (j.verdict() != Verdict.PASS) {
            return;
        }
        ChainJudgement base = baseline(sample);
        assertThat(base.verdict()).as("baseline verdict of a PASSing edit of %s: %s", sample, Engine.describe(edited))
                .isEqualTo(Verdict.PASS);
        assertThat(judgedContent(j)).as("judged content of a PASSing edit of %s: %s", sample, Engine.describe(edited))
                .isEqualTo(judgedContent(base));
    }

    // ------------------------------------------------------------------------------------------------ the oracle

    /** The canonical form of every assertion judged, its enveloped signature left out, in document order. */
    private static List<String> judgedContent(ChainJudgement c) {
        return c.hops().stream().map(ArtifactJudgement::artifact).flatMap(a -> assertions(a).stream())
                .map(a -> canonical(a.element())).toList();
    }

    private static List<? extends SamlAssertion> assertions(Artifact a) {
        if (a instanceof WsFedResponse w) {
            return w.assertions();
        }
        if (a instanceof Saml2Response r) {
            return r.assertions();
        }
        return List.of();
    }

    private static String canonical(Element e) {
        List<Element> sigs = Dom.children(e, Dom.DSIG_NS, "Signature");
        Node[] next = new Node[sigs.size()];
        for (int i = 0; i < sigs.size(); i++) {
            next[i] = sigs.get(i).getNextSibling();
            e.removeChild(sigs.get(i));
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(e, out);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (Exception ex) {
            throw new AssertionError("canonicalization failed", ex);
        } finally {
            for (int i = 0; i < sigs.size(); i++) {
                e.insertBefore(sigs.get(i), next[i]);
            }
        }
    }

    private static byte[] decodeSignature(String segment) {
        try {
            return Base64.getUrlDecoder().decode(segment.replace("=", ""));
        } catch (IllegalArgumentException e) {
            return new byte[] {1};
        }
    }

    // ------------------------------------------------------------------------------------------------ edits

    /** [start, end) of the first {@code saml:Assertion} element in the text (the signed one in every baseline). */
    static int[] assertionRegion(String xml) {
        int start = xml.indexOf("<saml:Assertion");
        int end = xml.indexOf("</saml:Assertion>");
        return start < 0 || end < 0 ? new int[] {0, xml.length()} : new int[] {start, end + "</saml:Assertion>".length()};
    }

    private static String spliceEdits(String text, int[] region, List<Mutation> edits) {
        String inside = Mutation.applyAll(edits, text.substring(region[0], region[1]));
        return text.substring(0, region[0]) + inside + text.substring(region[1]);
    }

    private static Sample find(String name) {
        return XML.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    /** An unsigned assertion claiming MFA, SAML 1.1 or 2.0 like the baseline, to insert as a wrapping attack. */
    private static String forgedAssertion(String baseline, boolean sameId) {
        boolean saml2 = baseline.contains("urn:oasis:names:tc:SAML:2.0:assertion");
        Sample unsigned = Corpus.UNSIGNED.get(saml2 ? 1 : 0);
        int[] r = assertionRegion(unsigned.text());
        String forged = unsigned.text().substring(r[0], r[1]);
        if (sameId) {
            String idAttr = saml2 ? " ID=\"" : " AssertionID=\"";
            String id = idOf(baseline, idAttr);
            String forgedId = idOf(forged, idAttr);
            if (id != null && forgedId != null) {
                forged = forged.replace(forgedId, id);
            }
        }
        return forged;
    }

    private static String idOf(String xml, String attr) {
        int[] r = assertionRegion(xml);
        int i = xml.indexOf(attr, r[0]);
        if (i < 0) {
            return null;
        }
        int from = i + attr.length();
        return xml.substring(from, xml.indexOf('"', from));
    }

    /** A DOM edit of one element of the XML-DSig namespace, picked by fraction among them. */
    record SignatureEdit(Op op, double where, String name, String value) {
        enum Op { REMOVE_ATTRIBUTES, SET_ATTRIBUTE, REMOVE_ELEMENT, DUPLICATE_ELEMENT, CLEAR_CONTENT, SET_TEXT, MOVE_TO_DOCUMENT_END }

        String apply(String xml) {
            org.w3c.dom.Document d;
            try {
                javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance();
                f.setNamespaceAware(true);
                d = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            org.w3c.dom.NodeList all = d.getElementsByTagNameNS(Dom.DSIG_NS, "*");
            if (all.getLength() == 0) {
                return xml;
            }
            Element e = (Element) all.item(Math.min(all.getLength() - 1, (int) (where * all.getLength())));
            switch (op) {
                case REMOVE_ATTRIBUTES -> {
                    while (e.getAttributes().getLength() > 0) {
                        e.removeAttributeNode((org.w3c.dom.Attr) e.getAttributes().item(0));
                    }
                }
                case SET_ATTRIBUTE -> e.setAttributeNS(null, name, value);
                case REMOVE_ELEMENT -> e.getParentNode().removeChild(e);
                case DUPLICATE_ELEMENT -> e.getParentNode().insertBefore(e.cloneNode(true), e);
                case CLEAR_CONTENT -> {
                    while (e.getFirstChild() != null) {
                        e.removeChild(e.getFirstChild());
                    }
                }
                case SET_TEXT -> e.setTextContent(value);
                case MOVE_TO_DOCUMENT_END -> d.getDocumentElement().appendChild(e);
            }
            return org.mfaharness.testing.Xml.serialize(d);
        }

        @Override
        public String toString() {
            return op + "@" + String.format("%.3f", where) + " " + name + "=" + Engine.describe(value);
        }
    }

    private static final List<String> SIGNATURE_VALUES = List.of("", "x", "#", "#_x", "http://www.w3.org/2000/09/xmldsig#hmac-sha1",
            "http://www.w3.org/2000/09/xmldsig#rsa-sha1", "http://www.w3.org/2000/09/xmldsig#sha1",
            "http://www.w3.org/2001/04/xmldsig-more#md5", "http://www.w3.org/2001/04/xmldsig-more#rsa-md5",
            "http://www.w3.org/2000/09/xmldsig#enveloped-signature", "http://www.w3.org/2001/10/xml-exc-c14n#",
            "http://www.w3.org/TR/1999/REC-xpath-19991116", "http://www.w3.org/TR/1999/REC-xslt-19991116",
            "http://www.w3.org/2000/09/xmldsig#base64", "http://www.w3.org/2006/12/xml-c14n11", "AAAA", "=", "\n");

    static Gen<SignatureEdit> signatureEdits() {
        Gen<String> value = Gen.frequency(
                weight(4, Gen.of(SIGNATURE_VALUES)),
                weight(1, Inputs.bytes(40).map(b -> Base64.getEncoder().encodeToString(b))));
        return Gen.zip(Gen.enums(SignatureEdit.Op.class), Gen.doubles(0, 1),
                Gen.of("Algorithm", "URI", "Id", "Type", "PrefixList"), value, SignatureEdit::new);
    }

    /** An aimed edit of a signed XML artifact. */
    record Forgery(Kind kind, double where, String from, String to) {
        enum Kind { SWAP_FIRST, SWAP_ALL, WRAP_SAME_ID, WRAP_OTHER_ID, WRAP_REPLACING_SIGNED, COMMENT_IN_VALUE, WHITESPACE_AROUND_VALUE }

        String apply(String xml) {
            return switch (kind) {
                case SWAP_FIRST -> xml.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
                case SWAP_ALL -> xml.replace(from, to);
                case WRAP_SAME_ID, WRAP_OTHER_ID -> {
                    String forged = forgedAssertion(xml, kind == Kind.WRAP_SAME_ID);
                    int p = tagBoundary(xml, where);
                    yield xml.substring(0, p) + forged + xml.substring(p);
                }
                case WRAP_REPLACING_SIGNED -> {
                    // The signed assertion moves under the forged one; the forged one takes its place.
                    int[] r = assertionRegion(xml);
                    String signed = xml.substring(r[0], r[1]);
                    String forged = forgedAssertion(xml, where > 0.5);
                    int close = forged.lastIndexOf("</");
                    yield xml.substring(0, r[0]) + forged.substring(0, close) + signed + forged.substring(close) + xml.substring(r[1]);
                }
                case COMMENT_IN_VALUE -> {
                    int i = xml.indexOf(from);
                    if (i < 0) {
                        yield xml;
                    }
                    int cut = i + Math.max(1, (int) (where * from.length()));
                    yield xml.substring(0, cut) + "<!--" + to + "-->" + xml.substring(cut);
                }
                case WHITESPACE_AROUND_VALUE -> xml.replace(">" + from + "<", "> \n\t" + from + "\n <")
                        .replace("\"" + from + "\"", "\" " + from + " \"");
            };
        }

        /** The position just before a '<' (an element or comment boundary), picked by fraction. */
        private static int tagBoundary(String xml, double where) {
            List<Integer> lts = new java.util.ArrayList<>();
            for (int i = 1; i < xml.length(); i++) {
                if (xml.charAt(i) == '<') {
                    lts.add(i);
                }
            }
            return lts.isEmpty() ? xml.length() : lts.get(Math.min(lts.size() - 1, (int) (where * lts.size())));
        }

        @Override
        public String toString() {
            return kind + "@" + String.format("%.3f", where) + " " + from + " -> " + to;
        }
    }

    private static final List<String> SIGNED_VALUES = List.of(
            "urn:oasis:names:tc:SAML:1.0:am:password", "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
            "http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password", "urn:other",
            Corpus.MFA, "alice@fabrikam.test", "alice@contoso.test", "urn:federation:MicrosoftOnline");
    private static final List<String> FORGED_VALUES = List.of(
            Corpus.MFA, " " + Corpus.MFA, Corpus.MFA + " ", "HTTP://schemas.microsoft.com/claims/multipleauthn",
            "http://schemas.microsoft.com/claims/<!---->multipleauthn", "urn:federation:MicrosoftOnline",
            "http://schemas.microsoft.com/claims/wiaormultiauthn", "mallory@fabrikam.test", "urn:oasis:names:tc:SAML:1.0:am:password",
            "http://schemas.microsoft.com/claims/multipleauthn&#x20;", "http://schemas.microsoft.com/claims/multipleauth&#x6e;");

    static Gen<Forgery> forgeries() {
        return Gen.zip(Gen.enums(Forgery.Kind.class), Gen.doubles(0, 1), Gen.of(SIGNED_VALUES), Gen.of(FORGED_VALUES), Forgery::new);
    }

    static Gen<UnaryOperator<String>> jwtEdits() {
        Gen<UnaryOperator<String>> random = Mutation.some()
                .map(ms -> named(s -> Mutation.applyAll(ms, s), "edits " + ms));
        Gen<String> forgedAmr = Gen.of("[\"mfa\"]", "[\"pwd\",\"mfa\"]", "\"mfa\"", "[\"mfa\",\"mfa\"]");
        Gen<UnaryOperator<String>> reencoded = forgedAmr.map(amr -> named(jwt -> {
            String[] p = jwt.split("\\.", -1);
            String json = new String(Base64.getUrlDecoder().decode(p[1]), java.nio.charset.StandardCharsets.UTF_8);
            String forged = json.contains("\"amr\"") ? json.replaceFirst("\"amr\":\\[[^\\]]*\\]", "\"amr\":" + amr)
                    : json.replaceFirst("\\{", "{\"amr\":" + amr + ",");
            return p[0] + "." + Inputs.b64url(forged) + "." + p[2];
        }, "payload re-encoded with amr " + amr));
        Gen<UnaryOperator<String>> header = Gen.of(
                "{\"alg\":\"none\"}", "{\"alg\":\"HS256\",\"kid\":\"x\"}", "{\"alg\":\"RS256\"}", "{\"alg\":\"RS256\",\"kid\":\"other\"}",
                "{\"alg\":\"RS256\",\"jwk\":{\"kty\":\"RSA\"}}", "{\"alg\":\"PS256\"}")
                .map(h -> named(jwt -> {
                    String[] p = jwt.split("\\.", -1);
                    return Inputs.b64url(h) + "." + p[1] + "." + (h.contains("none") ? "" : p[2]);
                }, "header replaced with " + h));
        Gen<UnaryOperator<String>> padding = Gen.of("=", "==", "\n", " ")
                .map(pad -> named(jwt -> jwt + pad, "suffix " + Engine.describe(pad)));
        return Gen.frequency(weight(4, random), weight(2, reencoded), weight(1, header), weight(1, padding));
    }

    private static UnaryOperator<String> named(UnaryOperator<String> f, String name) {
        return new UnaryOperator<>() {
            @Override
            public String apply(String s) {
                return f.apply(s);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}

package org.mfaharness.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mfaharness.testing.Saml2Builder;
import org.mfaharness.testing.TestKeys;
import org.mfaharness.testing.Tokens;
import org.mfaharness.testing.WsFedBuilder;

/**
 * Real artifacts to mutate: signed RSTRs, SAML 2.0 Responses and Entra tokens made with the test keys, in each of
 * the encodings the detector accepts, plus the public fixtures. Built once per JVM (signing costs milliseconds).
 */
final class Corpus {
    static final String MFA = WsFedBuilder.MULTIPLEAUTHN;
    static final String CLAIMS_NS = "http://schemas.microsoft.com/ws/2008/06/identity/claims";
    static final String AMR_NS = "http://schemas.microsoft.com/claims";

    /** A named baseline. */
    record Sample(String name, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String RSTR_MFA = WsFedBuilder.rstr().authenticationMethod(MFA).build();
    static final String RSTR_PASSWORD = WsFedBuilder.rstr().build();
    static final String SAML2_MFA = Saml2Builder.response().classRefs(MFA).build();
    static final String SAML2_PASSWORD = Saml2Builder.response().build();
    static final String JWT_MFA = Tokens.entra(Tokens.partnerCenterAccessToken(List.of("pwd", "mfa")));
    static final String JWT_PWD = Tokens.entra(Tokens.partnerCenterAccessToken(List.of("pwd")));

    /** Signed artifacts, each with the verdict it gets when judged with {@link Engine#TRUSTING}. */
    static final List<Sample> SIGNED = List.of(
            new Sample("rstr-2005-mfa", RSTR_MFA),
            new Sample("rstr-2005-password", RSTR_PASSWORD),
            new Sample("rstr-13-collection-mfa", WsFedBuilder.rstr().authenticationMethod(MFA).wsTrust13(true).build()),
            new Sample("saml11-bare-mfa", WsFedBuilder.rstr().authenticationMethod(MFA).bare().build()),
            new Sample("rstr-authenticationmethod-attribute", WsFedBuilder.rstr().attribute("authenticationmethod", CLAIMS_NS,
                    "http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password", MFA).build()),
            new Sample("rstr-authnmethodsreferences", WsFedBuilder.rstr().attribute("authnmethodsreferences", AMR_NS, MFA).build()),
            new Sample("rstr-mfa-other-key", WsFedBuilder.rstr().authenticationMethod(MFA).signedWith(TestKeys.OTHER).build()),
            new Sample("rstr-mfa-sha1", WsFedBuilder.rstr().authenticationMethod(MFA).sha1().build()),
            new Sample("rstr-mfa-wrong-audience", WsFedBuilder.rstr().authenticationMethod(MFA).audience("urn:other").build()),
            new Sample("saml2-mfa", SAML2_MFA),
            new Sample("saml2-password", SAML2_PASSWORD),
            new Sample("saml2-mfa-response-signed", Saml2Builder.response().classRefs(MFA).signResponseOnly().build()),
            new Sample("saml2-mfa-both-signed", Saml2Builder.response().classRefs(MFA).signBoth().build()),
            new Sample("saml2-bare-mfa", Saml2Builder.response().classRefs(MFA).bare().build()),
            new Sample("saml2-mfa-attribute-only", Saml2Builder.response()
                    .attribute("http://schemas.microsoft.com/claims/authnmethodsreferences", MFA).build()));

    static final List<Sample> UNSIGNED = List.of(
            new Sample("rstr-mfa-unsigned", WsFedBuilder.rstr().authenticationMethod(MFA).unsigned().build()),
            new Sample("saml2-mfa-unsigned", Saml2Builder.response().classRefs(MFA).unsigned().build()));

    static final List<Sample> TOKENS = List.of(
            new Sample("jwt-mfa", JWT_MFA),
            new Sample("jwt-pwd", JWT_PWD),
            new Sample("jwt-no-amr", Tokens.entra(Tokens.partnerCenterAccessToken(null))),
            new Sample("jwt-wiaormfa", Tokens.entra(Tokens.partnerCenterAccessToken(List.of("wiaormfa")))),
            new Sample("jwt-other-key", new org.mfaharness.lab.sign.JwtSigner(TestKeys.OTHER)
                    .sign(Tokens.partnerCenterAccessToken(List.of("mfa")))));

    /** Everything, in every wrapping: raw, base64, form fields, token-endpoint JSON, bearer lines, errors, fixtures. */
    static final List<Sample> ALL = all();

    private Corpus() {
    }

    private static List<Sample> all() {
        List<Sample> out = new ArrayList<>(SIGNED);
        out.addAll(UNSIGNED);
        out.addAll(TOKENS);
        out.add(new Sample("wresult-form", "wa=wsignin1.0&wresult=" + Inputs.url(RSTR_MFA) + "&wctx=rm%3d0%26id%3dpassive"));
        out.add(new Sample("samlresponse-base64", Inputs.b64(SAML2_MFA)));
        out.add(new Sample("samlresponse-form", "SAMLResponse=" + Inputs.url(Inputs.b64(SAML2_MFA)) + "&RelayState=x"));
        out.add(new Sample("wsignin-request", "https://adfs.fabrikam.test/adfs/ls/?wa=wsignin1.0&wtrealm=urn%3afederation%3aMicrosoftOnline"
                + "&wauth=http%3a%2f%2fschemas.microsoft.com%2fclaims%2fmultipleauthn&wctx=x"));
        out.add(new Sample("id-token-form", "id_token=" + JWT_MFA + "&state=abc"));
        out.add(new Sample("access-token-json", "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + JWT_MFA
                + "\",\"refresh_token\":\"0.AXwA\"}"));
        out.add(new Sample("refresh-grant-then-token", "grant_type=refresh_token&client_id=x&access_token=" + JWT_PWD));
        out.add(new Sample("bearer-line", "Authorization: Bearer " + JWT_MFA));
        out.add(new Sample("aadsts-text", "AADSTS50076: Due to a configuration change made by your administrator, or because"
                + " you moved to a new location, you must use multi-factor authentication to access '00000003'."));
        out.add(new Sample("aadsts-json", "{\"error\":\"interaction_required\",\"error_description\":\"AADSTS50079: MFA"
                + " registration required.\",\"error_codes\":[50079],\"suberror\":\"basic_action\"}"));
        out.add(new Sample("partner-center-error", "{\"code\":900421,\"description\":\"MFA required (10001)\"}"));
        out.add(new Sample("eam-authorize", "client_id=x&redirect_uri=https%3A%2F%2Flogin.microsoftonline.com%2Fcommon%2Ffederation"
                + "%2Fexternalauthprovider&response_type=id_token&response_mode=form_post&scope=openid&nonce=n1&state=s1"
                + "&id_token_hint=" + JWT_PWD + "&claims=%7B%22id_token%22%3A%7B%22acr%22%3A%7B%22essential%22%3Atrue%2C"
                + "%22values%22%3A%5B%22possessionorinherence%22%5D%7D%2C%22amr%22%3A%7B%22essential%22%3Atrue%2C%22values"
                + "%22%3A%5B%22face%22%2C%22fido%22%5D%7D%7D%7D"));
        out.addAll(fixtures());
        return List.copyOf(out);
    }

    /** The public fixtures shipped as test resources (certificates, key sets and indexes excepted). */
    static List<Sample> fixtures() {
        try {
            Path root = Path.of(Corpus.class.getResource("/fixtures").toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(Files::isRegularFile)
                        .filter(p -> !p.toString().endsWith(".pem") && !p.toString().endsWith(".md") && !p.toString().endsWith(".tsv"))
                        .sorted()
                        .map(p -> new Sample("fixture:" + root.relativize(p), read(p)))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

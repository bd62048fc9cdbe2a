package org.mfaharness.lab.entra;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mfaharness.lab.web.Html;

/**
 * Lab Entra's pages, with Microsoft's element ids so one sign-in driver works on the lab and on a real tenant:
 * user name {@code i0116} (name {@code loginfmt}), next/sign-in {@code idSIButton9}, password {@code i0118}
 * (name {@code passwd}), one-time code {@code idTxtBx_SAOTCC_OTC} (name {@code otc}), verify
 * {@code idSubmit_SAOTCC_Continue}; the device-login code box is {@code otc}.
 */
final class EntraPages {
    static final String LOGIN_PATH = "/common/login";

    private EntraPages() {
    }

    static String username(String ctx, String error, String prefill) {
        return Html.page("Sign in to your account", "<form name=\"f1\" id=\"i0281\" method=\"post\" action=\""
                + LOGIN_PATH + "\"><div role=\"heading\" id=\"loginHeader\">Sign in</div>"
                + (error == null ? "" : "<div id=\"usernameError\" class=\"error\">" + Html.esc(error) + "</div>")
                + "<input type=\"email\" name=\"loginfmt\" id=\"i0116\" autocomplete=\"username\" "
                + "placeholder=\"Email, phone, or Skype\" value=\"" + Html.esc(prefill) + "\">"
                + Html.hidden(Map.of("ctx", ctx))
                + "<input type=\"submit\" id=\"idSIButton9\" value=\"Next\"></form>");
    }

    static String password(String ctx, String upn, String error) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("loginfmt", upn);
        h.put("ctx", ctx);
        return Html.page("Sign in to your account", "<form name=\"f1\" id=\"i0281\" method=\"post\" action=\""
                + LOGIN_PATH + "\"><div id=\"displayName\">" + Html.esc(upn) + "</div>"
                + "<div role=\"heading\" id=\"loginHeader\">Enter password</div>"
                + (error == null ? "" : "<div id=\"passwordError\" class=\"error\">" + Html.esc(error) + "</div>")
                + "<input type=\"password\" name=\"passwd\" id=\"i0118\" autocomplete=\"current-password\">"
                + Html.hidden(h) + "<input type=\"submit\" id=\"idSIButton9\" value=\"Sign in\"></form>");
    }

    static String otp(String ctx, String upn, String error) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ctx", ctx);
        h.put("AuthMethodId", "PhoneAppOTP");
        h.put("Method", "EndAuth");
        return Html.page("Sign in to your account", "<form name=\"f1\" method=\"post\" action=\"/common/SAS/EndAuth\">"
                + "<div id=\"displayName\">" + Html.esc(upn) + "</div>"
                + "<div role=\"heading\" id=\"idDiv_SAOTCC_Title\">Enter code</div>"
                + "<div id=\"idDiv_SAOTCC_Description\">Enter the code displayed in the authenticator app on your "
                + "mobile device</div>"
                + (error == null ? "" : "<div id=\"idSpan_SAOTCC_Error_OTC\" class=\"error\">" + Html.esc(error) + "</div>")
                + "<input type=\"tel\" name=\"otc\" id=\"idTxtBx_SAOTCC_OTC\" autocomplete=\"off\" maxlength=\"8\">"
                + Html.hidden(h) + "<input type=\"submit\" id=\"idSubmit_SAOTCC_Continue\" value=\"Verify\"></form>");
    }

    static String deviceCode(String error) {
        return Html.page("Enter code", "<form name=\"f1\" method=\"post\" action=\"/common/oauth2/deviceauth\">"
                + "<div role=\"heading\" id=\"deviceCodeHeader\">Enter code</div>"
                + "<div id=\"deviceCodeDescription\">Enter the code displayed on your app or device.</div>"
                + (error == null ? "" : "<div id=\"otcError\" class=\"error\">" + Html.esc(error) + "</div>")
                + "<input type=\"text\" name=\"otc\" id=\"otc\" autocomplete=\"off\">"
                + "<input type=\"submit\" id=\"idSIButton9\" value=\"Next\"></form>");
    }

    static String deviceDone(String appName) {
        return Html.page("Sign in to your account", "<div role=\"heading\" id=\"deviceAuthDone\">You have signed in to "
                + "the " + Html.esc(appName) + " application on your device. You may now close this window.</div>");
    }

    static String index(String loginBase) {
        return Html.page("mfa-harness lab Entra", "<h1>mfa-harness lab Entra ID</h1><p>An emulator on loopback. "
                + "Discovery: <code>" + Html.esc(loginBase) + "/{tenant}/v2.0/.well-known/openid-configuration</code>"
                + "</p><p>Device login: <a href=\"/common/oauth2/deviceauth\">/common/oauth2/deviceauth</a></p>");
    }
}

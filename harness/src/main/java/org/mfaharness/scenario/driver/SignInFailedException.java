package org.mfaharness.scenario.driver;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A sign-in that cannot finish: a terminal error page, a stall, the overall timeout, a lost browser, or a step that
 * lacks what it needs. The message is one or two sentences naming the page by its URL without query or fragment;
 * it never holds a secret or the page source. Unchecked, so drivers can throw it from {@link SignInDriver#act}.
 */
public final class SignInFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the sign-in stopped. */
    public enum Kind {
        /** Entra showed an {@code AADSTSnnnnn} error page, or an IdP / MFA provider showed an error page. */
        ERROR_PAGE,
        /** The same page came back unchanged after repeated actions, or no driver recognised a page for too long. */
        STALLED,
        /** The overall time limit (or a step's own limit, such as a pause for a person) passed. */
        TIMEOUT,
        /** The browser session was lost (crashed, closed, remote grid gone). */
        BROWSER,
        /** A step needs something the sign-in does not have (e.g. {@code ${password}} without a password). */
        MISSING_INPUT
    }

    private final Kind kind;
    private final String url;
    private final String errorCode;
    private final Integer aadsts;

    SignInFailedException(Kind kind, String url, String errorCode, Integer aadsts, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
        this.url = url;
        this.errorCode = errorCode;
        this.aadsts = aadsts;
    }

    static SignInFailedException entraError(String url, int aadsts, String message) {
        return new SignInFailedException(Kind.ERROR_PAGE, url, "AADSTS" + aadsts, aadsts, message);
    }

    static SignInFailedException errorPage(String url, String code, String message) {
        return new SignInFailedException(Kind.ERROR_PAGE, url, code, null, message);
    }

    static SignInFailedException of(Kind kind, String url, String message) {
        return new SignInFailedException(kind, url, null, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The page where the sign-in stopped, without query or fragment; empty when the browser had no page. */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** The AADSTS number of an Entra error page (e.g. 50079). */
    public OptionalInt aadstsCode() {
        return aadsts == null ? OptionalInt.empty() : OptionalInt.of(aadsts);
    }

    /** The error code shown by the page: {@code AADSTS50079}, an AD FS {@code MSIS7007}, ...; empty when none. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }
}

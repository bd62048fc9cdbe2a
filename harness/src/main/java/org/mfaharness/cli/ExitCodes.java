package org.mfaharness.cli;

/**
 * The process exit codes of every command, documented in README.md.
 *
 * <p>Verdict-bearing commands map their verdict: PASS and WARN exit 0, FAIL exits 1, INCONCLUSIVE exits 2.
 * Usage errors exit 64 (BSD {@code EX_USAGE}) so they never collide with INCONCLUSIVE (picocli's default is 2).
 */
public final class ExitCodes {
    /** PASS or WARN: the MFA claim is there and can be trusted (WARN: with reservations). */
    public static final int OK = 0;
    /** FAIL: the claim is missing, malformed, or cannot be trusted. */
    public static final int FAIL = 1;
    /** INCONCLUSIVE: could not tell (unreadable input, no trust material for a present claim). */
    public static final int INCONCLUSIVE = 2;
    /** Invalid command line: unknown option, missing parameter, bad value. */
    public static final int USAGE = 64;
    /** Input or trust material that was read but is unusable (a malformed PEM, JWKS or metadata). BSD {@code EX_DATAERR}. */
    public static final int DATA_ERR = 65;
    /** Input file or URL could not be read at all (missing file, permission). BSD {@code EX_NOINPUT}. */
    public static final int NO_INPUT = 66;
    /** An internal error: a bug in mfa-harness. BSD {@code EX_SOFTWARE}. */
    public static final int SOFTWARE = 70;
    /** The output could not be written (disk full, permission). BSD {@code EX_CANTCREAT}. */
    public static final int CANT_CREATE = 73;

    private ExitCodes() {
    }
}

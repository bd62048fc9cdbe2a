package org.mfaharness.scenario.driver;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Runs a scenario's {@code steps:} in order, one step per action, alongside the built-in drivers (put it first in
 * the list so the scenario wins where both know a page). Per sign-in it remembers the next step (in the
 * {@link SignInContext}); when all steps are done it no longer acts.
 *
 * <p>The next step applies when its {@code url-matches} is found in the current URL (or it has none). Then:
 * <ul>
 *   <li>{@code fill} / {@code totp} / {@code click} act as soon as their element is visible. Until it is, a step
 *       with {@code url-matches} holds the page (the built-ins stay off it) for at most {@link Step#DEFAULT_WAIT};
 *       a step without {@code url-matches} lets the other drivers act meanwhile;</li>
 *   <li>{@code wait-for} holds the page until its element is visible, at most its {@code timeout};</li>
 *   <li>{@code pause-for-human} sends its message to the progress sink and holds the page until the page changes
 *       (a person acted), at most its {@code timeout}.</li>
 * </ul>
 * A step that runs out of time fails the sign-in ({@link SignInFailedException.Kind#STALLED} or, for a pause,
 * {@link SignInFailedException.Kind#TIMEOUT}) naming the step and the URL. Descriptions name the selector and the
 * variables a value came from, never the value. Immutable and thread-safe.
 */
public final class DeclarativeDriver implements SignInDriver {
    private final List<Step> steps;

    private DeclarativeDriver(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** A driver for parsed steps. */
    public static DeclarativeDriver of(List<Step> steps) {
        return new DeclarativeDriver(steps);
    }

    /**
     * A driver for the {@code steps:} list as Jackson reads it from YAML or JSON (a list of maps); throws
     * {@link StepParseException} with a message naming the bad step.
     */
    public static DeclarativeDriver fromMaps(List<? extends Map<String, ?>> steps) {
        return new DeclarativeDriver(Step.parse(steps));
    }

    public List<Step> steps() {
        return steps;
    }

    /** Where one sign-in stands in the script. */
    private static final class Cursor {
        int next;
        long waitingSince = -1;
        String pausedOn;
    }

    @Override
    public Optional<Action> act(WebDriver d, SignInContext ctx) {
        Cursor c = ctx.state(this, Cursor::new);
        synchronized (c) {
            if (c.next >= steps.size()) {
                return Optional.empty();
            }
            Step s = steps.get(c.next);
            String url = Pages.url(d);
            if (!s.appliesAt(url)) {
                return Optional.empty();
            }
            String where = Pages.withoutQuery(url);
            String prefix = "steps[" + s.index() + "]: ";
            if (s.kind() == Step.Kind.PAUSE_FOR_HUMAN) {
                String page = Pages.fingerprint(d);
                if (c.pausedOn == null) {
                    c.pausedOn = page;
                    c.waitingSince = System.nanoTime();
                } else if (!c.pausedOn.equals(page)) {
                    advance(c);
                    return Optional.of(Action.inPlace(prefix + "a person continued after: " + s.text()));
                }
                if (System.nanoTime() - c.waitingSince > s.timeout().toNanos()) {
                    throw SignInFailedException.of(SignInFailedException.Kind.TIMEOUT, where, s.describe()
                            + ": nobody continued within " + s.timeout().toSeconds() + " s at " + where);
                }
                return Optional.of(Action.waiting(prefix + "pause for a person: " + s.text()));
            }
            Optional<WebElement> target = Pages.visible(d, s.by());
            if (target.isEmpty()) {
                boolean holds = s.kind() == Step.Kind.WAIT_FOR || s.urlMatches() != null;
                if (!holds) {
                    return Optional.empty();
                }
                if (c.waitingSince < 0) {
                    c.waitingSince = System.nanoTime();
                } else if (System.nanoTime() - c.waitingSince > s.timeout().toNanos()) {
                    throw SignInFailedException.of(SignInFailedException.Kind.STALLED, where, s.describe() + ": no visible "
                            + "element matched within " + s.timeout().toSeconds() + " s at " + where);
                }
                return Optional.of(Action.waiting(prefix + "waiting for " + s.selector()));
            }
            WebElement e = target.get();
            Action done = switch (s.kind()) {
                case WAIT_FOR -> Action.inPlace(prefix + s.selector() + " is shown");
                case CLICK -> {
                    e.click();
                    yield Action.submitted(prefix + "clicked " + s.selector());
                }
                case TOTP -> {
                    TotpCodes.Code code = ctx.totp().orElseThrow(() -> SignInFailedException.of(
                            SignInFailedException.Kind.MISSING_INPUT, where, s.describe()
                                    + " needs a TOTP seed but the sign-in has none"))
                            .next(Pages.origin(url), ctx.timeLeft());
                    Pages.type(e, code.value());
                    yield Action.inPlace(prefix + "typed " + code.describe() + " into " + s.selector());
                }
                case FILL -> {
                    Pages.type(e, s.resolve(ctx, Pages.origin(url)));
                    List<String> vars = s.variables();
                    String from = vars.isEmpty() ? "the step's literal value"
                            : String.join(", ", vars.stream().map(v -> "${" + v + "}").toList());
                    yield Action.inPlace(prefix + "filled " + s.selector() + " with " + from);
                }
                default -> throw new IllegalStateException("unreachable: " + s.kind());
            };
            advance(c);
            return Optional.of(done);
        }
    }

    private static void advance(Cursor c) {
        c.next++;
        c.waitingSince = -1;
        c.pausedOn = null;
    }

    @Override
    public String name() {
        return "DeclarativeDriver(" + steps.size() + " steps)";
    }
}

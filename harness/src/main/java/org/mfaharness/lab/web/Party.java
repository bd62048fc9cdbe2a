package org.mfaharness.lab.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of every lab party's HTTP handler: moves the request to a worker thread, gives it a {@link Request}, and
 * turns anything that escapes into a short error response (400 for a bad request, 500 otherwise) without a stack
 * trace. Logs carry the method, path and exception class only: never parameters, bodies or cookies (secrets).
 */
public abstract class Party implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Party.class);

    /** The party's name in logs and error pages. */
    protected abstract String name();

    /** Handles one request on a worker thread, with blocking I/O allowed. */
    protected abstract void serve(Request request) throws Exception;

    /** Answers a missing parameter; by default a plain 400. */
    protected void missingParameter(Request request, MissingParameterException e) {
        Html.sendText(request.exchange(), StatusCodes.BAD_REQUEST, name() + ": " + e.getMessage() + "\n");
    }

    /** Answers a bad request; by default a plain 400. */
    protected void badRequest(Request request, BadRequestException e) {
        Html.sendText(request.exchange(), StatusCodes.BAD_REQUEST, name() + ": bad request: " + e.getMessage() + "\n");
    }

    @Override
    public final void handleRequest(HttpServerExchange ex) {
        if (ex.isInIoThread()) {
            ex.dispatch(this);
            return;
        }
        ex.startBlocking();
        Request r = new Request(ex);
        try {
            serve(r);
        } catch (MissingParameterException e) {
            respondSafely(ex, () -> missingParameter(r, e));
        } catch (BadRequestException e) {
            respondSafely(ex, () -> badRequest(r, e));
        } catch (Exception | StackOverflowError e) {
            LOG.warn("{}: {} {} failed: {}", name(), ex.getRequestMethod(), ex.getRequestPath(),
                    e.getClass().getSimpleName());
            respondSafely(ex, () -> Html.sendText(ex, StatusCodes.INTERNAL_SERVER_ERROR,
                    name() + ": internal error\n"));
        }
    }

    private static void respondSafely(HttpServerExchange ex, Runnable respond) {
        if (ex.isResponseStarted()) {
            ex.endExchange();
            return;
        }
        try {
            respond.run();
        } catch (RuntimeException again) {
            ex.setStatusCode(StatusCodes.INTERNAL_SERVER_ERROR);
            ex.endExchange();
        }
    }
}

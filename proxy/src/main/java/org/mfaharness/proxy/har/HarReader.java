package org.mfaharness.proxy.har;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.mfaharness.proxy.exchange.Exchange;

/**
 * Reads a HAR file entry by entry: a Jackson token stream to {@code log.entries}, then one tree per entry, so memory
 * holds one entry at a time whatever the file size. Reads HARs from this module's writer and from Chrome, Edge and
 * Firefox exports (custom {@code _} fields ignored, base64 content, missing {@code postData.params} or
 * {@code content.text}, {@code -1} timings, local-offset timestamps).
 *
 * <p>Problems never surface as exceptions from iteration: a file cut in the middle yields its complete entries,
 * then {@link #hasNext()} is false and {@link #truncated()} / {@link #problem()} tell what happened; an entry lacking
 * required fields is skipped and listed in {@link #skipped()}. Not thread-safe.
 */
public final class HarReader implements Iterator<Exchange>, Closeable {
    /** Longest string accepted (a body in {@code content.text}). */
    public static final int MAX_STRING_LENGTH = 1 << 30;
    /** Deepest nesting accepted (Chrome's {@code _initiator} stacks nest deeply). */
    public static final int MAX_NESTING_DEPTH = 500;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxDocumentLength(-1L)
                    .build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final JsonParser parser;
    private final InputStream in;
    private final List<String> skipped = new ArrayList<>();
    private Exchange next;
    private boolean inEntries;
    private boolean done;
    private boolean truncated;
    private String problem;
    private long index;
    private long yielded;

    private HarReader(InputStream in) throws IOException {
        this.in = in;
        this.parser = MAPPER.createParser(in);
    }

    /** Opens a HAR file. {@link IOException} only when the file cannot be opened. */
    public static HarReader open(Path file) throws IOException {
        return new HarReader(new BufferedInputStream(Files.newInputStream(file), 64 * 1024));
    }

    /** Reads a HAR from a stream (closed by {@link #close()}). */
    public static HarReader open(InputStream in) throws IOException {
        return new HarReader(in);
    }

    /** The whole file's entries plus any problem; for small files. */
    public static HarReadResult readAll(Path file) throws IOException {
        try (HarReader r = open(file)) {
            List<Exchange> all = new ArrayList<>();
            r.forEachRemaining(all::add);
            return new HarReadResult(all, r.truncated(), r.problem(), r.skipped());
        }
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (done) {
            return false;
        }
        try {
            next = advance();
        } catch (JsonEOFException e) {
            fail(true, "HAR file ends in the middle (truncated) after " + yielded + " complete entries");
        } catch (JsonProcessingException e) {
            boolean eof = e.getMessage() != null && e.getMessage().contains("end-of-input");
            fail(eof, (eof ? "HAR file ends in the middle (truncated)" : "HAR file is not valid JSON")
                    + " after " + yielded + " complete entries: " + e.getOriginalMessage()
                    + location(e));
        } catch (IOException e) {
            fail(false, "cannot read HAR file: " + e.getMessage());
        }
        return next != null;
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private void fail(boolean isTruncated, String message) {
        done = true;
        truncated = isTruncated;
        problem = message;
        next = null;
    }

    @Override
    public Exchange next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Exchange e = next;
        next = null;
        yielded++;
        return e;
    }

    private Exchange advance() throws IOException {
        if (!inEntries) {
            if (!seekEntries()) {
                done = true;
                return null;
            }
            inEntries = true;
        }
        while (true) {
            JsonToken t = parser.nextToken();
            if (t == null) {
                throw new JsonEOFException(parser, null, "end-of-input inside log.entries");
            }
            if (t == JsonToken.END_ARRAY) {
                done = true;
                return null;
            }
            if (t != JsonToken.START_OBJECT) {
                parser.skipChildren();
                skipped.add("entry " + index++ + ": not an object");
                continue;
            }
            JsonNode node = parser.readValueAsTree();
            long i = index++;
            try {
                return HarCodec.read(node, i);
            } catch (IllegalArgumentException e) {
                skipped.add("entry " + i + ": " + e.getMessage());
            }
        }
    }

    /** Moves the parser to the start of log.entries; false (with a problem set) when there is none. */
    private boolean seekEntries() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == null) {
            problem = "HAR file is empty";
            truncated = true;
            return false;
        }
        if (t != JsonToken.START_OBJECT) {
            problem = "not a HAR file: the document is not a JSON object";
            return false;
        }
        if (!seekField("log", JsonToken.START_OBJECT)) {
            problem = "not a HAR file: no \"log\" object";
            return false;
        }
        if (!seekField("entries", JsonToken.START_ARRAY)) {
            problem = "not a HAR file: no \"log.entries\" array";
            return false;
        }
        return true;
    }

    /** Within the current object, finds {@code name} whose value starts with {@code kind}; skips other members. */
    private boolean seekField(String name, JsonToken kind) throws IOException {
        while (true) {
            JsonToken t = parser.nextToken();
            if (t == null) {
                throw new JsonEOFException(parser, null, "end-of-input before " + name);
            }
            if (t == JsonToken.END_OBJECT) {
                return false;
            }
            String field = parser.currentName();
            JsonToken v = parser.nextToken();
            if (name.equals(field) && v == kind) {
                return true;
            }
            parser.skipChildren();
        }
    }

    /** True when the file ended in the middle of the document. */
    public boolean truncated() {
        return truncated;
    }

    /** What went wrong, if anything; meaningful once {@link #hasNext()} returned false. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Entries skipped because they lacked required fields. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    /** Entries yielded so far. */
    public long entriesRead() {
        return yielded;
    }

    /** The remaining entries as a sequential stream (closing it closes the reader). */
    public Stream<Exchange> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(() -> {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Override
    public void close() throws IOException {
        parser.close();
        in.close();
    }
}

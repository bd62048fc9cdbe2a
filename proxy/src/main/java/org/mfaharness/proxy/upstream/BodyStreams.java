package org.mfaharness.proxy.upstream;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Body framing streams for HTTP/1.1: fixed length and chunked, in and out. */
final class BodyStreams {
    private BodyStreams() {
    }

    /** A body stream read in blocks: the single-byte read goes through the block read. */
    abstract static class BlockStream extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }
    }

    static final class FixedLength extends BlockStream {
        private final InputStream in;
        private long remaining;

        FixedLength(InputStream in, long length) {
            this.in = in;
            this.remaining = length;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("upstream closed the connection with " + remaining + " body bytes missing");
            }
            remaining -= n;
            return n;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(remaining, in.available());
        }
    }

    static final class Chunked extends BlockStream {
        private final HttpInput in;
        private long chunkLeft;
        private boolean done;

        Chunked(HttpInput in) {
            this.in = in;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (chunkLeft == 0) {
                String line = in.readLine();
                if (line == null) {
                    throw new EOFException("upstream closed the connection inside a chunked body");
                }
                int semi = line.indexOf(';');
                String hex = (semi < 0 ? line : line.substring(0, semi)).trim();
                try {
                    chunkLeft = Long.parseLong(hex, 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size line from upstream: " + truncate(line));
                }
                if (chunkLeft < 0) {
                    throw new IOException("bad chunk size line from upstream: " + truncate(line));
                }
                if (chunkLeft == 0) {
                    String trailer;
                    do {
                        trailer = in.readLine();
                        if (trailer == null) {
                            throw new EOFException("upstream closed the connection inside chunked trailers");
                        }
                    } while (!trailer.isEmpty());
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, chunkLeft));
            if (n < 0) {
                throw new EOFException("upstream closed the connection inside a chunk");
            }
            chunkLeft -= n;
            if (chunkLeft == 0) {
                // the CRLF after a chunk
                String crlf = in.readLine();
                if (crlf == null || !crlf.isEmpty()) {
                    throw new IOException("missing CRLF after a chunk from upstream");
                }
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return chunkLeft > 0 ? (int) Math.min(chunkLeft, in.buffered()) : 0;
        }

        private static String truncate(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }
    }

    /** Writes chunked transfer coding; {@link #finish()} writes the last chunk. Does not close the target. */
    static final class ChunkedOut extends OutputStream {
        private static final byte[] CRLF = {'\r', '\n'};
        private static final byte[] LAST = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        private final OutputStream out;

        ChunkedOut(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            out.write(Integer.toHexString(len).getBytes(StandardCharsets.US_ASCII));
            out.write(CRLF);
            out.write(b, off, len);
            out.write(CRLF);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        void finish() throws IOException {
            out.write(LAST);
        }
    }
}

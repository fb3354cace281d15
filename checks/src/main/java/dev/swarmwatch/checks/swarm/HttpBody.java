package dev.swarmwatch.checks.swarm;

import java.io.IOException;
import java.io.InputStream;

/** HTTP/1.1 body framings over the connection's raw bytes, each ending where the answer ends. */
final class HttpBody {
    private HttpBody() {
    }

    /** A Content-Length body; the connection closing early is an {@link AnswerException.CutOff}. */
    static final class Sized extends InputStream {
        private final InputStream in;
        private final long length;
        private long read;

        Sized(InputStream in, long length) {
            this.in = in;
            this.length = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (read >= length) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, length - read));
            if (n < 0) {
                throw new AnswerException.CutOff("the engine closed the connection after " + read + " of "
                        + length + " body bytes");
            }
            read += n;
            return n;
        }
    }

    /** A chunked body (what dockerd sends for most lists). */
    static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;
        private long read;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                left = chunkSize();
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw cutOff();
            }
            left -= n;
            read += n;
            if (left == 0) {
                expect('\r');
                expect('\n');
            }
            return n;
        }

        private long chunkSize() throws IOException {
            long size = 0;
            int digits = 0;
            int c;
            while ((c = in.read()) != '\r') {
                if (c < 0) {
                    throw cutOff();
                }
                int d = Character.digit(c, 16);
                if (d < 0 || ++digits > 15) {
                    throw new AnswerException.Malformed("bad chunk size in the answer");
                }
                size = size * 16 + d;
            }
            expect('\n');
            return size;
        }

        private void expect(char want) throws IOException {
            int c = in.read();
            if (c < 0) {
                throw cutOff();
            }
            if (c != want) {
                throw new AnswerException.Malformed("bad chunk framing in the answer");
            }
        }

        private AnswerException cutOff() {
            return new AnswerException.CutOff("the engine closed the connection in the middle of its answer, after "
                    + read + " body bytes");
        }
    }

    /** At most {@code max} bytes; reading past them is an {@link AnswerException.TooLarge}. */
    static final class Capped extends InputStream {
        private final InputStream in;
        private final long max;
        private long read;

        Capped(InputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, (int) Math.min(len, max + 1 - read));
            if (n > 0) {
                read += n;
                if (read > max) {
                    throw new AnswerException.TooLarge("the answer is larger than " + Bounded.size(max)
                            + ", the most swarmwatch reads");
                }
            }
            return n;
        }
    }
}

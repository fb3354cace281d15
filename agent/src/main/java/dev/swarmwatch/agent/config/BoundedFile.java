package dev.swarmwatch.agent.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads the small text files the agent is pointed at (the config, {@code *_file} secrets, the bearer
 * token) only when they are regular files and with a size cap: a device such as {@code /dev/zero}
 * would otherwise grow the process without end, and a FIFO without a writer would hang it in
 * {@code open}. The file's type is checked before it is opened, and the read stops one byte past
 * the cap whatever the file claims.
 */
public final class BoundedFile {
    /** Secrets and tokens: far more than any password or key. */
    public static final int SECRET_LIMIT = 64 * 1024;
    /** A config file: thousands of targets fit. */
    public static final int CONFIG_LIMIT = 1024 * 1024;

    private BoundedFile() {
    }

    /** A file that was refused, with the reason in an operator's words ("is a directory"). */
    public static final class RefusedFileException extends IOException {
        RefusedFileException(String reason) {
            super(reason);
        }
    }

    /**
     * The file's UTF-8 text.
     *
     * @param limit the most bytes it may hold
     * @throws IOException {@link RefusedFileException} for a file of the wrong kind, size or encoding;
     *                     {@link #reason} words any of them for a message
     */
    public static String read(Path file, int limit) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new RefusedFileException("is a directory");
        }
        if (!attributes.isRegularFile()) {
            throw new RefusedFileException("is not a regular file (a device, pipe or socket)");
        }
        if (attributes.size() > limit) {
            throw tooLarge(attributes.size(), limit);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(limit + 1);
        }
        if (bytes.length > limit) {
            throw tooLarge(bytes.length, limit);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RefusedFileException("is not UTF-8 text");
        }
    }

    /** Why a file could not be read, without the noise (or content) of the exception's message. */
    public static String reason(IOException e) {
        String reason = switch (e) {
            case RefusedFileException x -> x.getMessage();
            case NoSuchFileException x -> "no such file";
            case AccessDeniedException x -> "permission denied";
            case CharacterCodingException x -> "not UTF-8 text";
            case FileSystemException x when x.getReason() != null -> x.getReason();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
        return reason.isEmpty() ? reason : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }

    private static RefusedFileException tooLarge(long size, int limit) {
        String most = limit % (1024 * 1024) == 0 ? limit / (1024 * 1024) + " MB" : limit / 1024 + " KB";
        return new RefusedFileException("is too large (" + size + " bytes; at most " + most + ")");
    }
}

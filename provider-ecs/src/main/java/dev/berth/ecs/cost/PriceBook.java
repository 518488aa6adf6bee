package dev.berth.ecs.cost;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a run's prices come from: the list shipped in the jar, or the user's file
 * ({@code provider "ecs" { prices = "FILE" }}), which is read in its place. Read on first use
 * and kept, so a run that prices nothing never opens it; a bad file fails every use the same way.
 */
public final class PriceBook {
    /** The shipped list's name in messages. */
    public static final String BUILT_IN = "berth's built-in us-east-1 price list";
    private static final String RESOURCE = "prices.txt";

    private final Path file;
    private final String shownAs;
    private PriceList list;
    private PriceListException failure;

    private PriceBook(Path file, String shownAs) {
        this.file = file;
        this.shownAs = shownAs;
    }

    public static PriceBook builtIn() {
        return new PriceBook(null, BUILT_IN);
    }

    /** {@code shownAs}: the file as the user named it, for messages. */
    public static PriceBook file(Path file, String shownAs) {
        return new PriceBook(file, shownAs);
    }

    /** The prices, or a {@link PriceListException} naming the file (and line) at fault. */
    public synchronized PriceList get() {
        if (list == null && failure == null) {
            try {
                list = PriceListParser.parse(read(), shownAs);
            } catch (PriceListException e) {
                failure = e;
            }
        }
        if (failure != null) throw failure;
        return list;
    }

    private String read() {
        if (file == null) {
            try (InputStream in = PriceBook.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("the jar has no " + RESOURCE);
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("reading the built-in price list: " + e.getMessage(), e);
            }
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PriceListException(shownAs, 0, 0, null, "there is no such file (" + file + ").");
        } catch (IOException e) {
            throw new PriceListException(shownAs, 0, 0, null, "it cannot be read as UTF-8 text ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").");
        }
    }
}

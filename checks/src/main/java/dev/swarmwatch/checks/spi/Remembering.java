package dev.swarmwatch.checks.spi;

/**
 * A kind that remembers between cycles what it compares with (Patroni's leader and timeline). A
 * long-running agent keeps that in memory; a one-shot report run again by cron only sees it when
 * the front-end hands it to a store after the cycle and back before the next one.
 */
public interface Remembering {

    /** What to keep, as JSON text. */
    String exportMemory();

    /**
     * Goes on from what {@link #exportMemory} gave an earlier process, before the first cycle. Memory
     * that cannot be read (another version, a damaged store) is dropped: the kind starts afresh, as
     * it would without a store.
     *
     * @return false when the memory was dropped
     */
    boolean restoreMemory(String json);
}

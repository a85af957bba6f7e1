package org.assemblyhub.store;

/**
 * How a hub keeps its journals: the channels they are written through (tests inject failing ones) and how often a
 * snapshot is taken — after {@code snapshotEveryEvents} events or {@code snapshotEveryBytes} bytes of journal since
 * the newest one, whichever comes first.
 */
public record StoreOptions(JournalChannels channels, long snapshotEveryEvents, long snapshotEveryBytes) {
    public static final StoreOptions DEFAULT = new StoreOptions(JournalChannels.DEFAULT, 10_000, 16L * 1024 * 1024);

    public StoreOptions withChannels(JournalChannels channels) {
        return new StoreOptions(channels, snapshotEveryEvents, snapshotEveryBytes);
    }

    public StoreOptions withSnapshotsEvery(long events, long bytes) {
        return new StoreOptions(channels, events, bytes);
    }
}

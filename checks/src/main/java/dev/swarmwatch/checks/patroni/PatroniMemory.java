package dev.swarmwatch.checks.patroni;

import java.util.Optional;

/**
 * What one cluster's check remembers between cycles: the leader and timeline seen last, so a
 * failover (node_tl_has_changed) is reported with the old and the new leader. One instance per
 * configured cluster, owned by whoever creates its {@link PatroniProbe}; never shared between
 * clusters, never static. Used from one event loop at a time (one check of a cluster runs at once),
 * hence no locking.
 */
public final class PatroniMemory {

    /** A change seen between two cycles. */
    public sealed interface Change {
        String describe();
    }

    /**
     * The leader moved to another member (failover or switchover). Patroni takes the leader key before
     * the promotion ends, so the first cycle may still list the old timeline: then the change is
     * described as under way, and reported again with the new timeline once the new leader has it.
     */
    public record LeaderChanged(String from, String to, long fromTimeline, long toTimeline) implements Change {
        public boolean promoted() {
            return toTimeline != fromTimeline;
        }

        @Override
        public String describe() {
            return "failover: leader changed from " + from + " to " + to + ", "
                    + (promoted() ? "timeline " + fromTimeline + " -> " + toTimeline
                    : "promotion under way (timeline " + fromTimeline + ")");
        }
    }

    /** Same leader, new timeline: it was promoted again (e.g. failed over and back between two cycles). */
    public record TimelineChanged(String leader, long fromTimeline, long toTimeline) implements Change {
        @Override
        public String describe() {
            return "timeline changed " + fromTimeline + " -> " + toTimeline + " (leader " + leader + " unchanged)";
        }
    }

    private String leader;
    private long timeline;
    private Change held;
    private int holdLeft;
    private long leaderChanges;
    // the leader change whose new timeline has not shown yet, if any
    private LeaderChanged promoting;

    /**
     * Records this cycle's leader and timeline and says which change to report now. A cycle with no
     * single leader ({@code leader} empty) keeps the last one known, so the leader that appears
     * afterwards is compared with the one before the gap. A change is reported on the cycle it is
     * first seen and on {@code holdCycles - 1} cycles after it, unless a newer change replaces it; a
     * failover seen before its promotion ended is reported again, with both timelines, when it ends.
     */
    public Optional<Change> observe(Optional<String> currentLeader, long currentTimeline, int holdCycles) {
        if (currentLeader.isPresent()) {
            String now = currentLeader.get();
            if (leader != null && !leader.equals(now)) {
                leaderChanges++;
                LeaderChanged change = new LeaderChanged(leader, now, timeline, currentTimeline);
                promoting = change.promoted() ? null : change;
                hold(change, holdCycles);
            } else if (leader != null && timeline != currentTimeline) {
                hold(promoting != null
                        ? new LeaderChanged(promoting.from(), now, promoting.fromTimeline(), currentTimeline)
                        : new TimelineChanged(now, timeline, currentTimeline), holdCycles);
                promoting = null;
            }
            leader = now;
            timeline = currentTimeline;
        }
        if (holdLeft <= 0) {
            return Optional.empty();
        }
        holdLeft--;
        return Optional.of(held);
    }

    /**
     * Everything this memory holds, as a value that serializes to JSON: what a one-shot report run
     * again by cron needs to see the failover that happened between two runs.
     */
    public record Saved(String leader, long timeline, LeaderChanged heldLeader, TimelineChanged heldTimeline,
                        int holdLeft, long leaderChanges, LeaderChanged promoting) {
    }

    public Saved save() {
        return new Saved(leader, timeline, held instanceof LeaderChanged l ? l : null,
                held instanceof TimelineChanged t ? t : null, holdLeft, leaderChanges, promoting);
    }

    /** A memory that goes on from what {@link #save} gave. */
    public static PatroniMemory restore(Saved saved) {
        PatroniMemory memory = new PatroniMemory();
        memory.leader = saved.leader();
        memory.timeline = saved.timeline();
        memory.held = saved.heldLeader() != null ? saved.heldLeader() : saved.heldTimeline();
        memory.holdLeft = memory.held == null ? 0 : Math.max(0, saved.holdLeft());
        memory.leaderChanges = Math.max(0, saved.leaderChanges());
        memory.promoting = saved.promoting();
        return memory;
    }

    /** Leader changes seen since this memory was created (a Nagios counter). */
    public long leaderChanges() {
        return leaderChanges;
    }

    private void hold(Change change, int cycles) {
        held = change;
        holdLeft = cycles;
    }
}

package dev.berth.engine.planfile;

/**
 * Why a plan file cannot be used, as one sentence for the user. The subclasses tell the CLI
 * nothing more than the message does; they exist so tests can tell the cases apart.
 */
public class PlanFileException extends RuntimeException {
    PlanFileException(String message) {
        super(message, null, false, false);
    }

    /** Not a berth plan at all: not JSON, or JSON without the berth plan marker. */
    public static final class NotAPlan extends PlanFileException {
        NotAPlan(String path) {
            super("The file " + path + " is not a berth plan file.");
        }
    }

    /** A plan written by a newer berth, whose format this one cannot read. */
    public static final class NewerFormat extends PlanFileException {
        NewerFormat(String path, long found, int supported) {
            super("The plan file " + path + " has format version " + found + ", but this berth reads only version "
                    + supported + "; apply it with the berth that made it, or make a new plan.");
        }
    }

    /** Marked as a berth plan but its content is broken; the detail is filled in by the reader. */
    public static final class Damaged extends PlanFileException {
        Damaged(String detail) {
            super(detail);
        }
    }

    /** Changed after berth wrote it, or written without a checksum: applying it would apply what nobody planned. */
    public static final class Edited extends PlanFileException {
        Edited(String path, dev.berth.engine.checksum.ContentChecksum.Verdict verdict) {
            super(verdict == dev.berth.engine.checksum.ContentChecksum.Verdict.MISSING
                    ? "The plan file " + path + " has no checksum, so berth cannot tell whether it was edited; make a new plan."
                    : "The plan file " + path + " was changed after berth wrote it (its checksum does not match its "
                    + "content); make a new plan.");
        }
    }

    /** The file could not be read or written at all. */
    public static final class Io extends PlanFileException {
        Io(String message) {
            super(message);
        }
    }
}

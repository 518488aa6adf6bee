package dev.berth.cli.command;

import dev.berth.ecs.store.EcsStoreException;
import dev.berth.ecs.store.OpenEcsStore;
import dev.berth.ecs.store.StoreContents;
import dev.berth.ecs.store.StoreLocation;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code berth ecs migrate -to=DEST [-from=SOURCE]}: copies the control plane, every row and
 * counter, from SOURCE (by default the one BERTH_ECS_STORE or the user's file names) into DEST, a
 * file or {@code postgres://} URL that holds no control plane yet, in one transaction, then reads
 * DEST back and compares it with SOURCE. SOURCE is left as it was: the user points
 * BERTH_ECS_STORE (or {@code provider "ecs" { store }}) at DEST when ready.
 */
final class EcsMigrate {
    static final String USAGE = "Usage: berth ecs migrate -to=FILE_OR_URL [-from=FILE_OR_URL]";

    private EcsMigrate() {
    }

    static int run(List<String> args, Path workingDir, Map<String, String> env, PrintWriter out, PrintWriter err) {
        String to = null, from = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).replaceFirst("^--", "-");
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.size() ? args.get(i + 1) : null;
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (!a.contains("=")) i++;
            if (name.equals("-to")) to = value;
            else if (name.equals("-from")) from = value;
            else return usage(err, "unknown option " + args.get(i - (a.contains("=") ? 0 : 1)));
        }
        if (to == null || to.isBlank()) return usage(err, "-to is required");
        try {
            StoreLocation.Where source = StoreLocation.where(Optional.ofNullable(from), workingDir, env);
            StoreLocation.Where dest = StoreLocation.where(Optional.of(to), workingDir, env);
            if (source.shown().equals(dest.shown())) return usage(err, "-to names the control plane it would move from");
            StoreContents moved;
            try (OpenEcsStore src = source.open(); OpenEcsStore dst = dest.open()) {
                moved = src.dump();
                dst.load(moved);
                if (!dst.dump().equals(moved)) {
                    throw new EcsStoreException("The ecs control plane read back from " + dest.shown() + " differs from "
                            + source.shown() + "; do not use it.", null);
                }
            }
            int rows = moved.rowCount(), counters = moved.counters().size();
            out.println("Moved the ecs control plane from " + source.shown() + " to " + dest.shown() + ": " + rows
                    + (rows == 1 ? " row" : " rows") + " and " + counters + (counters == 1 ? " counter" : " counters")
                    + ", read back and compared.");
            out.println(source.shown() + " is unchanged; set BERTH_ECS_STORE=" + dest.shown()
                    + " (or provider \"ecs\" { store }) to use the new one.");
            out.flush();
            return 0;
        } catch (EcsStoreException e) {
            err.println();
            err.println("Error: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private static int usage(PrintWriter err, String why) {
        err.println("Error: " + why + ".");
        err.println(USAGE);
        err.flush();
        return 2;
    }
}

package dev.berth.cli.command;

import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.ConfigLoader;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.hcl.ConfigFile;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.planfile.PlanFile;
import dev.berth.engine.planfile.PlanFileCodec;
import dev.berth.engine.planfile.PlanFileException;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plan files as the commands use them. A file name on the command line is relative to the
 * working directory (-chdir), as Terraform resolves it.
 */
final class SavedPlans {
    private SavedPlans() {
    }

    static Path resolve(Workspace ws, String file) {
        return ws.dir().resolve(file);
    }

    /** Saves the plan with the text of the configuration it was made from. */
    static void save(RunSession s, Plan plan, String file) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (ConfigFile f : s.config.files()) {
            texts.put(f.path(), s.ws.sources().text(f.path()).orElseThrow(() -> new Errors.UserError(
                    "The configuration file " + f.path() + " changed while the plan was made; run the plan again.")));
        }
        PlanFile pf = new PlanFile(plan, texts, Instant.now(), BerthCommand.VERSION);
        try {
            PlanFileCodec.write(pf, resolve(s.ws, file));
        } catch (PlanFileException e) {
            throw new Errors.UserError(e.getMessage());
        }
    }

    static PlanFile read(Workspace ws, String file) {
        try {
            return PlanFileCodec.read(resolve(ws, file));
        } catch (PlanFileException e) {
            throw new Errors.UserError(e.getMessage());
        }
    }

    /** The configuration as it was when the plan was made; problems go to {@code diags}. */
    static Config config(Workspace ws, PlanFile pf, Diagnostics diags) {
        ConfigLoader.Result r = ws.loadConfig(pf.configFiles());
        diags.addAll(r.diagnostics());
        return r.config();
    }
}

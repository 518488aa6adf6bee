package dev.berth.cli.command;

import dev.berth.cli.view.StateDocument;
import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.state.StateDiff;
import dev.berth.engine.state.StateSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Replaces the state with a document {@code state pull} wrote, as a new version (history keeps
 * the one replaced). As in Terraform, the document must be of the same lineage and not older than
 * the state unless {@code -force}; unlike Terraform, a document edited by hand is refused.
 */
@Command(name = "push", description = "Replace the state with a document written by state pull (\"-\" reads standard input).")
final class StatePushCommand extends WorkspaceCommand {
    @Parameters(paramLabel = "PATH")
    String path;

    @Option(names = "-force", description = "Push even when the document is older than the state.")
    boolean force;

    @Mixin
    LockOptions lockOpts;

    @Override
    int run(Workspace ws) {
        String name = path.equals("-") ? "on standard input" : path;
        String text = read(ws);
        Addresses.requireState(ws);
        try (StateLock ignored = StateLock.take(ws.store(), lockOpts, "state push", ws::notice)) {
            StateSnapshot current = ws.store().read();
            StateSnapshot pushed;
            try {
                pushed = StateDocument.read(text, name, current);
            } catch (StateDocument.Refused e) {
                throw new Errors.UserError(e.getMessage());
            }
            if (!pushed.lineage().equals(current.lineage())) {
                throw new Errors.UserError("The state document " + name + " belongs to another state (lineage "
                        + pushed.lineage() + ", this state's is " + current.lineage() + "); berth pushes only a "
                        + "document of the same lineage.");
            }
            if (pushed.serial() < current.serial() && !force) {
                throw new Errors.UserError("The state document " + name + " has serial " + pushed.serial()
                        + ", older than the state's " + current.serial() + "; pass -force to push it anyway.");
            }
            StateDiff diff = StateDiff.between(current, pushed);
            if (diff.isEmpty()) {
                term.out().println("The state already matches " + name + "; nothing to push.");
                return 0;
            }
            long serial = ws.store().commit(diff.changes(), "state push");
            term.out().println("Pushed " + name + " as serial " + serial + ": " + diff.added().size() + " added, "
                    + diff.changed().size() + " changed, " + diff.removed().size() + " removed.");
            return 0;
        }
    }

    private String read(Workspace ws) {
        try {
            byte[] bytes;
            if (path.equals("-")) {
                InputStream in = System.in;
                bytes = in.readAllBytes();
            } else {
                bytes = Files.readAllBytes(ws.dir().resolve(Path.of(path)));
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Errors.UserError("The file " + path + " is not a state document written by berth state pull.");
        } catch (NoSuchFileException e) {
            throw new Errors.UserError("Cannot read the state document " + path + ": no such file or directory.");
        } catch (IOException e) {
            throw new Errors.UserError("Cannot read the state document " + path + ": " + e.getMessage() + ".");
        }
    }
}

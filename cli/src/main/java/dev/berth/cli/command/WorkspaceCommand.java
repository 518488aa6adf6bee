package dev.berth.cli.command;

import dev.berth.cli.view.DiagnosticRenderer;
import dev.berth.cli.view.Terminal;
import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.value.Secrets;
import dev.berth.engine.diag.DiagnosticsException;
import dev.berth.engine.state.StateStoreException;
import dev.berth.ecs.store.EcsStoreException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * What every command that reads configuration or state shares: the working directory from
 * -chdir, the state path, colour, and printing diagnostics instead of stack traces.
 */
abstract class WorkspaceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "-no-color", description = "Disable colour in the output.")
    boolean noColor;

    @Option(names = "-state", paramLabel = "PATH|URL", description = "The state file (default: berth.db in the working"
            + " directory, or the configuration's backend \"pg\"), or a postgres:// URL to keep the state on that server.")
    String state;

    Terminal term;

    /** Set under -json: diagnostics become Terraform's streaming messages instead of text. */
    JsonUi jsonUi;

    @Override
    public final Integer call() {
        term = Terminal.of(spec.commandLine().getOut(), spec.commandLine().getErr(), noColor);
        try (Workspace ws = new Workspace(dir(), statePath(), Optional.ofNullable(state),
                ((BerthCommand) spec.root().userObject()).env())) {
            ws.onNotice(line -> {
                term.err().println(line);
                term.err().flush();
            });
            return run(ws);
        } catch (DiagnosticsException e) {
            return fail(e.diagnostics(), null);
        } catch (StateStoreException | EcsStoreException e) {
            return fail(List.of(Diagnostic.error(e.getMessage())), null);
        } catch (Errors.UserError e) {
            // Under -json even a one-sentence refusal is a message of the stream, as in Terraform.
            if (jsonUi == null) throw e;
            return fail(List.of(Diagnostic.error(e.getMessage())), null);
        } finally {
            term.out().flush();
            term.err().flush();
        }
    }

    abstract int run(Workspace ws);

    Path dir() {
        BerthCommand root = (BerthCommand) spec.root().userObject();
        return root.workingDir();
    }

    private Path statePath() {
        return state == null || dev.berth.pg.PgUrl.isUrl(state) ? dir().resolve("berth.db") : dir().resolve(state);
    }

    /** Prints diagnostics (errors and warnings, each once) to standard error; returns the exit code 1. */
    int fail(List<Diagnostic> diagnostics, Workspace ws) {
        printDiagnostics(diagnostics, ws);
        return 1;
    }

    void printDiagnostics(List<Diagnostic> diagnostics, Workspace ws) {
        if (diagnostics.isEmpty()) return;
        List<Diagnostic> unique = new ArrayList<>(new LinkedHashSet<>(diagnostics));
        if (ws != null && !ws.secrets().isEmpty()) {
            Secrets secrets = ws.secrets();
            unique = unique.stream().map(d -> new Diagnostic(d.severity(), secrets.redact(d.summary()),
                    secrets.redact(d.detail()), d.range())).toList();
        }
        dev.berth.engine.diag.SourceFiles files = ws == null ? new dev.berth.engine.diag.SourceFiles() : ws.sources();
        if (jsonUi != null) {
            jsonUi.diagnostics(unique, files);
            return;
        }
        String text = new DiagnosticRenderer().render(unique, files, term.color());
        boolean errors = unique.stream().anyMatch(Diagnostic::isError);
        (errors ? term.err() : term.out()).print(text);
        (errors ? term.err() : term.out()).flush();
    }

    static boolean hasErrors(List<Diagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}

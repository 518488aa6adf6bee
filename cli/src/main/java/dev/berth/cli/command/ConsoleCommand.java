package dev.berth.cli.command;

import dev.berth.cli.view.ValueFormatter;
import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.hcl.ParseResult;
import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.run.RunScope;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.Secrets;
import dev.berth.engine.value.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Evaluates expressions typed or piped in against the configuration and the current state, as
 * {@code terraform console} does. Terraform has two modes and berth keeps both: at a terminal
 * every result is printed and an error leaves the session open; with piped input only the last
 * result is printed, and the first error ends the run with exit code 1.
 */
@Command(name = "console", description = "Try expressions against the configuration and state.")
final class ConsoleCommand extends WorkspaceCommand {
    static final String INPUT = "<console-input>";
    private static final String HELP = """
            The berth console allows you to experiment with expressions. You may access
            resources in the state (if you have one) just as you would from a configuration.
            For example: "ecs_service.web.desired_count" would evaluate to the desired count
            of "ecs_service.web" if it exists in your state.

            Type in the expression to test and hit <enter> to see the result.

            To exit the console, type "exit" and hit <enter>, or use Control-C or
            Control-D.""";

    @Mixin
    VariableOptions variables = new VariableOptions();

    @Option(names = "-lock", arity = "1", paramLabel = "BOOL", defaultValue = "true",
            description = "Hold the state lock while the console is open (default: true).")
    boolean lock;

    @Option(names = "-lock-timeout", paramLabel = "DURATION", defaultValue = "0s",
            description = "How long to retry the state lock (e.g. 10s, 1m; default: 0s).")
    String lockTimeout;

    /** Whether input comes from a person at a terminal; decided from the process when not given. */
    @Option(names = "-interactive", arity = "1", hidden = true)
    Boolean interactive;

    @Override
    int run(Workspace ws) {
        RunOptions opts = new RunOptions();
        opts.variables = variables;
        // Without a state there is nothing to protect, and taking the lock would create one.
        opts.lock = lock && ws.stateExists();
        opts.lockTimeout = lockTimeout;
        RunSession.Started started = RunSession.start(ws, opts, "console", true);
        if (started.session() == null) return fail(started.diagnostics(), ws);
        printDiagnostics(started.diagnostics(), ws);
        try (RunSession session = started.session()) {
            StateSnapshot state = ws.stateExists() ? ws.store().read() : StateSnapshot.empty("");
            RunScope scope = new RunScope(session.config, ws.evaluator(), session.variables);
            state.resources().values().forEach(rs -> {
                ws.learn(Secrets.in(rs.attributes()));
                scope.putInstance(rs.addr().resource(), rs.addr().key(), rs.attributes());
            });
            boolean atTerminal = interactive != null ? interactive : atTerminal();
            return loop(ws, new ConsoleScope(session.config, scope), atTerminal);
        }
    }

    /**
     * Whether a person types the input. Before Java 22 System.console() is null unless standard
     * input and output are both a terminal; from 22 it is there even when they are piped, and
     * Console.isTerminal() (called by name: berth compiles for 17) tells instead.
     */
    private static boolean atTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private int loop(Workspace ws, ConsoleScope scope, boolean atTerminal) {
        BerthCommand root = (BerthCommand) spec.root().userObject();
        BufferedReader in = new BufferedReader(new InputStreamReader(root.stdin(), StandardCharsets.UTF_8));
        ValueFormatter formatter = new ValueFormatter();
        String last = null;
        try {
            while (true) {
                if (atTerminal) {
                    term.out().print("> ");
                    term.out().flush();
                }
                String line = in.readLine();
                if (line == null) break;
                String text = line.strip();
                // Terraform's piped mode ends at "exit" without printing the result before it.
                if (text.equals("exit")) {
                    if (!atTerminal) return 0;
                    break;
                }
                if (text.equals("help")) {
                    last = HELP;
                    if (atTerminal) term.out().println(HELP);
                    continue;
                }
                if (text.isEmpty()) {
                    last = "";
                    continue;
                }
                Diagnostics diags = new Diagnostics();
                Value v = evaluate(ws, scope, text, diags);
                if (diags.hasErrors()) {
                    printDiagnostics(diags.list(), ws);
                    if (!atTerminal) return 1;
                    continue;
                }
                last = formatter.format(v);
                if (atTerminal) {
                    term.out().println(last);
                    term.out().flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (atTerminal) term.out().println();
        else if (last != null) term.out().println(last);
        return 0;
    }

    private static Value evaluate(Workspace ws, ConsoleScope scope, String text, Diagnostics diags) {
        ws.sources().put(INPUT, text);
        ParseResult parsed = HclParser.parseExpression(INPUT, text);
        diags.addAll(parsed.diagnostics());
        if (diags.hasErrors()) return Value.unknown();
        return scope.run().evaluator().evaluate(parsed.expression(), scope, diags);
    }

}

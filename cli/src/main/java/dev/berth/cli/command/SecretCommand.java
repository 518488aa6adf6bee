package dev.berth.cli.command;

import dev.berth.cli.view.SecretListView;
import dev.berth.ecs.secret.SecretException;
import dev.berth.ecs.secret.SecretName;
import dev.berth.ecs.secret.SecretStore;
import dev.berth.ecs.secret.SecretStoreLocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code berth secret put|list|delete}: the user's secret store, which containers' {@code secrets}
 * read from. A value is only ever read from standard input (without echo on a terminal), never
 * taken as an argument, where shell history and {@code ps} would keep it.
 */
@Command(name = "secret", description = "Manage the local secret store that containers' secrets read from.",
        subcommands = {SecretCommand.Put.class, SecretCommand.ListSecrets.class, SecretCommand.Delete.class})
final class SecretCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What the three subcommands share: the store's location and one-sentence errors. */
    abstract static class StoreCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public final Integer call() {
            BerthCommand root = (BerthCommand) spec.root().userObject();
            Path file = SecretStoreLocation.resolve(root.workingDir(), root.env());
            PrintWriter out = spec.commandLine().getOut();
            try {
                return run(file, out, root);
            } catch (SecretException e) {
                throw new Errors.UserError(e.getMessage());
            } finally {
                out.flush();
            }
        }

        abstract int run(Path file, PrintWriter out, BerthCommand root);
    }

    @Command(name = "put", description = "Set a secret; its value is read from standard input (a trailing newline is dropped).")
    static final class Put extends StoreCommand {
        @Parameters(paramLabel = "NAME", description = "Letters, digits and / _ + = . @ - (up to 512).")
        String name;

        @Override
        int run(Path file, PrintWriter out, BerthCommand root) {
            String n = SecretName.of(name);
            String value = read(n, root.stdin());
            try (SecretStore store = SecretStore.open(file)) {
                store.put(n, value);
            }
            out.println("Secret " + n + " set in " + file + ".");
            return 0;
        }

        /** From the terminal without echo, else all of standard input. */
        private static String read(String name, InputStream in) {
            Console console = System.console();
            if (in == System.in && console != null) {
                char[] typed = console.readPassword("Value of secret %s: ", name);
                if (typed == null) throw new Errors.UserError("No value was given for secret " + name + ".");
                return new String(typed);
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try {
                byte[] chunk = new byte[8192];
                for (int r; (r = in.read(chunk)) != -1; ) {
                    buf.write(chunk, 0, r);
                    if (buf.size() > SecretStore.MAX_VALUE_BYTES + 2) break;
                }
            } catch (IOException e) {
                throw new Errors.UserError("Cannot read the value of secret " + name + " from standard input: "
                        + e.getMessage());
            }
            String value = buf.toString(StandardCharsets.UTF_8);
            // `echo VALUE | berth secret put NAME` is the common way; the newline echo adds is not the secret's.
            if (value.endsWith("\n")) value = value.substring(0, value.length() - 1);
            if (value.endsWith("\r")) value = value.substring(0, value.length() - 1);
            if (value.isEmpty()) throw new Errors.UserError("No value was given for secret " + name
                    + ": berth secret put reads it from standard input.");
            return value;
        }
    }

    @Command(name = "list", description = "List the secrets' names and when they were set (never their values).")
    static final class ListSecrets extends StoreCommand {
        @Override
        int run(Path file, PrintWriter out, BerthCommand root) {
            if (!java.nio.file.Files.exists(file)) {
                out.print(SecretListView.render(java.util.List.of(), file));
                return 0;
            }
            try (SecretStore store = SecretStore.open(file)) {
                out.print(SecretListView.render(store.list(), file));
            }
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a secret.")
    static final class Delete extends StoreCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(Path file, PrintWriter out, BerthCommand root) {
            String n = SecretName.of(name);
            boolean deleted = false;
            if (java.nio.file.Files.exists(file)) {
                try (SecretStore store = SecretStore.open(file)) {
                    deleted = store.delete(n);
                }
            }
            if (!deleted) throw new Errors.UserError("No secret named " + n + " in " + file + ".");
            out.println("Secret " + n + " deleted.");
            return 0;
        }
    }
}

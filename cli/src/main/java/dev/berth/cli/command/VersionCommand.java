package dev.berth.cli.command;

import picocli.CommandLine.Command;

import java.io.PrintWriter;

@Command(name = "version", description = "Show the current berth version.")
final class VersionCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        print(spec.commandLine().getOut());
    }

    static void print(PrintWriter out) {
        String os = System.getProperty("os.name").toLowerCase().replace(' ', '_');
        String arch = System.getProperty("os.arch").replace("x86_64", "amd64");
        out.println("berth v" + BerthCommand.VERSION);
        out.println("on " + os + "_" + arch);
        out.flush();
    }
}

package dev.berth.cli.command;

import dev.berth.engine.run.VariableSources;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * -var and -var-file, kept in the order they were given so that a later one wins, as Terraform
 * applies them. Picocli calls the setters once per occurrence, in command-line order.
 */
final class VariableOptions {
    private final List<VariableSources.Given> given = new ArrayList<>();

    @Option(names = "-var", paramLabel = "NAME=VALUE", description = "Set a value for one of the input variables.")
    void var(String nameAndValue) {
        given.add(new VariableSources.Given.Var(nameAndValue));
    }

    @Option(names = "-var-file", paramLabel = "FILE", description = "Load variable values from the given file.")
    void varFile(Path file) {
        given.add(new VariableSources.Given.File(file));
    }

    List<VariableSources.Given> given() {
        return List.copyOf(given);
    }
}

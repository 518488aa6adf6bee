package dev.berth.cli.command;

import picocli.CommandLine;

import java.util.Map;

/**
 * One example per command, printed at the end of its {@code --help} and {@code berth help
 * COMMAND}. Kept in one table rather than on each command class, so the examples read together
 * and a command without one is caught by a test.
 */
final class HelpExamples {
    static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("berth", "berth -chdir=examples/web plan"),
            Map.entry("validate", "berth -chdir=examples/web validate -json"),
            Map.entry("plan", "berth plan -var desired_count=3 -out=scale.plan"),
            Map.entry("apply", "berth apply -auto-approve            # or: berth apply scale.plan"),
            Map.entry("destroy", "berth destroy -target=ecs_service.web"),
            Map.entry("show", "berth show -json scale.plan"),
            Map.entry("state", "berth state list ecs_service.web"),
            Map.entry("list", "berth state list ecs_service.web"),
            Map.entry("show@state", "berth state show ecs_service.web"),
            Map.entry("rm", "berth state rm -dry-run ecs_service.web"),
            Map.entry("mv", "berth state mv ecs_service.web ecs_service.api"),
            Map.entry("pull", "berth state pull > state.json"),
            Map.entry("push", "berth state push state.json"),
            Map.entry("history", "berth state history"),
            Map.entry("rollback", "berth state rollback 7"),
            Map.entry("migrate", "berth state migrate -to=postgres://alice@db.example.com/states -to-schema=web"),
            Map.entry("output", "berth output -raw url"),
            Map.entry("import", "berth import ecs_service.web prod/web"),
            Map.entry("force-unlock", "berth force-unlock 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"),
            Map.entry("graph", "berth graph | dot -Tsvg > graph.svg"),
            Map.entry("fmt", "berth fmt -check -recursive"),
            Map.entry("agent", "berth agent --cluster prod --attribute ecs.availability-zone=zone-a"),
            Map.entry("ecs", "berth ecs describe-services --cluster web --services web --output table"),
            Map.entry("server", "berth server --listen 127.0.0.1:4566"),
            Map.entry("logs", "berth logs web -f --since 10m"),
            Map.entry("secret", "echo \"$PW\" | berth secret put demo/db-password"),
            Map.entry("put", "echo \"$PW\" | berth secret put demo/db-password"),
            Map.entry("delete", "berth secret delete demo/db-password"),
            Map.entry("list@secret", "berth secret list"),
            Map.entry("version", "berth version"),
            Map.entry("cluster", "berth cluster show web"),
            Map.entry("show@cluster", "berth cluster show web"),
            Map.entry("completion", "source <(berth completion bash)     # in ~/.bashrc; or: berth completion zsh"),
            Map.entry("cost", "berth cost -json"),
            Map.entry("console", "echo 'upper(var.name)' | berth console"),
            Map.entry("help", "berth help plan"));

    private HelpExamples() {
    }

    /** Adds "Example:" to every command's usage that has one, down the whole tree. */
    static void attach(CommandLine cmd) {
        String example = example(cmd);
        if (example != null) {
            cmd.getCommandSpec().usageMessage().footerHeading("%nExample:%n").footer("  " + example.replace("%", "%%"));
        }
        for (CommandLine sub : cmd.getSubcommands().values()) {
            if (!sub.getCommandName().equals("ecs")) attach(sub); // ecs prints the AWS CLI's help
            else if (example(sub) != null) attach(sub, example(sub));
        }
    }

    private static void attach(CommandLine cmd, String example) {
        cmd.getCommandSpec().usageMessage().footerHeading("%nExample:%n").footer("  " + example.replace("%", "%%"));
    }

    static String example(CommandLine cmd) {
        CommandLine parent = cmd.getParent();
        String name = cmd.getCommandName();
        if (parent != null && parent.getParent() != null) {
            String qualified = EXAMPLES.get(name + "@" + parent.getCommandName());
            if (qualified != null) return qualified;
        }
        return EXAMPLES.get(parent == null ? "berth" : name);
    }
}

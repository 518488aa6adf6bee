package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one container per engine that serves every task's metadata endpoint. A server must listen
 * on 127.0.0.1 inside each task's network namespace, and a container of its own per namespace
 * (a joined sidecar) cost the engine about half a task start. Instead this agent, which sees the
 * host's processes, enters a namespace owner's network namespace by its process id
 * ({@code nsenter -t PID -n}) and starts a busybox {@code httpd} there that drops to an
 * unprivileged user once bound: one exec into a running container per namespace, no create, no
 * start, no file system mounted.
 *
 * <p>Each namespace gets a directory {@code /t/OWNER_ID} with its documents. The agent's own
 * loop stops a server once its namespace owner is gone (its process no longer has the namespace
 * the server was started in) and removes the directory, so a task's stop, a failed start or a
 * kill of berth itself leaves no server behind. The launch notes the server's process id, and the
 * loop asks whether the owner's process and the server's still share a namespace with the shell's
 * own {@code test -ef}, so a pass forks nothing per namespace: reading the namespace links through
 * command substitutions took three forks per namespace every second, 40% of a 2-core machine with
 * 64 tasks running (bench/README.md, the load test). With nothing served for {@code IDLE} seconds the
 * agent exits and the engine removes it. It needs CAP_SYS_ADMIN (to enter a namespace),
 * CAP_SYS_PTRACE (to open another container's namespace), CAP_SETUID/SETGID (to drop to nobody)
 * and CAP_KILL; every other capability is dropped and it has no network of its own.
 */
final class MetadataAgent {
    static final String LABEL = "dev.berth.metadata-agent";
    /** Seconds the agent stays with nothing to serve (BERTH_METADATA_AGENT_IDLE overrides). */
    static final int IDLE_SECONDS = 30;
    /** Well below Linux's 128 KiB limit on one environment string; larger documents go in several. */
    private static final int CHUNK = 96 * 1024;
    /** The launch script's exit status when the namespace owner's process is gone. */
    private static final long OWNER_GONE = 2;
    static final String LOOP = """
            trap 'exit 0' TERM
            idle=0
            while :; do
              sleep 1
              for d in /t/*; do
                [ -f "$d/ns" ] || continue
                read -r pid < "$d/pid"
                h=; [ -f "$d/httpd" ] && read -r h < "$d/httpd"
                if [ -n "$h" ]; then
                  [ /proc/$pid/ns/net -ef /proc/$h/ns/net ] && continue
                  tr '\\0' ' ' < /proc/$h/cmdline 2>/dev/null | grep -qF "$d/" && kill $h
                else
                  [ -d /proc/$pid ] && continue
                fi
                rm -rf "$d"
              done
              set -- /t/*
              if [ ! -e "$1" ]; then
                idle=$((idle + 1)); [ "$idle" -ge "$IDLE" ] && exit 0
              else idle=0; fi
            done
            """;
    /** Joins the documents carried in ${K}0, ${K}1, ... and unpacks them into $D (its counter is not the batch's $i). */
    private static final String UNPACK = "c=0; while :; do eval \"v=\\${${K}$c}\"; [ -n \"$v\" ] || break; "
            + "printf %s \"$v\"; c=$((c + 1)); done | base64 -d | tar -xzo -C \"$D\"";
    /** Starts server N of the batch: its owner's process P{N}, directory D{N}, documents F{N}_0, F{N}_1, ... */
    private static final String LAUNCH_ONE = "launch() {\n"
            + "eval \"P=\\$P$1 D=\\$D$1\"; K=F$1_\n"
            + "mkdir -p \"$D\" && { " + UNPACK + "; } || { rm -rf \"$D\"; return 1; }\n"
            + "ns=$(readlink /proc/$P/ns/net) || { rm -rf \"$D\"; echo \"no process $P\" >&2; return 2; }\n"
            + "echo \"$P\" > \"$D/pid\"\n"
            // httpd binds, drops to nobody, then goes to the background: a bind that fails is this launch's failure.
            + "nsenter -t \"$P\" -n httpd -u 65534:65534 -p " + MetadataEndpoint.HOST + ":" + MetadataEndpoint.PORT
            + " -h \"$D/" + TaskMetadataServer.WWW + "\" </dev/null >/dev/null || { rm -rf \"$D\"; return 3; }\n"
            // The server's own process id, for the loop to compare namespaces without a fork
            // (none found: the server ended at once, and only the directory is left to remove).
            + "for h in $(pidof httpd); do [ /proc/$h/ns/net -ef /proc/$P/ns/net ] && echo \"$h\" > \"$D/httpd\"; done\n"
            + "echo \"$ns\" > \"$D/ns\"\n"
            + "}\n";
    /** All N servers at once, each answering "launched I STATUS" on a line of its own. */
    private static final String LAUNCH = LAUNCH_ONE
            + "i=0; while [ $i -lt $N ]; do { launch $i; echo \"launched $i $?\"; } & i=$((i + 1)); done; wait\n";
    private static final java.util.regex.Pattern LAUNCHED = java.util.regex.Pattern.compile("(?m)^launched (\\d+) (\\d+)$");
    private static final String UPDATE = "[ -d \"$D\" ] || exit 4\nK=F\n" + UNPACK + "\n";
    /**
     * The agent's name carries its scripts' hash (String's, the same in every JVM): a berth whose
     * scripts changed makes an
     * agent of its own beside one an older berth left running, which keeps serving its
     * namespaces until it idles out (stopping it would stop their servers with it).
     */
    static final String NAME = "berth-metadata-agent-" + Integer.toHexString((LOOP + LAUNCH + UPDATE).hashCode());

    private final DockerClient client;
    private final String image;
    private final LaunchBatches launches = new LaunchBatches(this::launchAll);
    private String id;

    MetadataAgent(DockerClient client, String image) {
        this.client = client;
        this.image = image;
    }

    /**
     * Starts a server in the network namespace of {@code ownerPid}, serving the documents
     * {@code packed}; false when that process has already ended (its task's start fails with
     * its own reason). Servers asked for while another exec runs start together in the next.
     */
    boolean launch(String ownerId, long ownerPid, String packed) {
        return launches.launch(new LaunchBatches.Request(ownerId, ownerPid, packed));
    }

    /** One exec that starts every server of {@code batch}; one outcome per request, in order. */
    List<LaunchBatches.Outcome> launchAll(List<LaunchBatches.Request> batch) {
        List<String> env = new ArrayList<>();
        env.add("N=" + batch.size());
        for (int n = 0; n < batch.size(); n++) {
            LaunchBatches.Request r = batch.get(n);
            env.add("P" + n + "=" + r.pid());
            env.add("D" + n + "=/t/" + r.ownerId());
            chunks(env, "F" + n + "_", r.packed());
        }
        String out = run(LAUNCH, env);
        Long[] codes = new Long[batch.size()];
        java.util.regex.Matcher m = LAUNCHED.matcher(out);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n < codes.length) codes[n] = Long.parseLong(m.group(2));
        }
        List<LaunchBatches.Outcome> outcomes = new ArrayList<>();
        for (Long code : codes) {
            if (code != null && (code == 0 || code == OWNER_GONE)) outcomes.add(LaunchBatches.Outcome.of(code == 0));
            else outcomes.add(LaunchBatches.Outcome.failed(new IllegalStateException("the metadata agent answered "
                    + code + ": " + out.replaceAll("(?m)^launched \\d+ \\d+\n?", "").strip())));
        }
        return outcomes;
    }

    /** Replaces the documents a namespace's server answers with. */
    void update(String ownerId, String packed) {
        List<String> env = new ArrayList<>();
        env.add("D=/t/" + ownerId);
        chunks(env, "F", packed);
        run(UPDATE, env);
    }

    private static void chunks(List<String> env, String prefix, String packed) {
        for (int i = 0, at = 0; at < packed.length(); i++, at += CHUNK) {
            env.add(prefix + i + "=" + packed.substring(at, Math.min(packed.length(), at + CHUNK)));
        }
    }

    /** Runs {@code script} in the agent; what it printed, once it exited 0. */
    private String run(String script, List<String> env) {
        String execId;
        try {
            execId = create(agent(), script, env);
        } catch (ConflictException | NotFoundException gone) {
            // The agent exited (nothing to serve for a while) between two tasks: a new one.
            forget();
            execId = create(agent(), script, env);
        }
        StringBuilder out = new StringBuilder();
        try {
            client.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame f) {
                    out.append(new String(f.getPayload(), StandardCharsets.UTF_8));
                }
            }).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Long code = client.inspectExecCmd(execId).exec().getExitCodeLong();
        if (code != null && code == 0) return out.toString();
        throw new IllegalStateException("the metadata agent answered " + code + ": " + out.toString().strip());
    }

    private String create(String agentId, String script, List<String> env) {
        return client.execCreateCmd(agentId).withEnv(env).withCmd("sh", "-c", script)
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
    }

    private synchronized void forget() {
        id = null;
    }

    /** The running agent's id, made when there is none (several berth processes may race: one name wins). */
    private synchronized String agent() {
        if (id != null) return id;
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                InspectContainerResponse found = client.inspectContainerCmd(NAME).exec();
                if (Boolean.TRUE.equals(found.getState().getRunning())) return id = found.getId();
                // Exiting (it removes itself) or left stopped: out of the way of a new one.
                try {
                    client.removeContainerCmd(found.getId()).withForce(true).exec();
                } catch (NotFoundException alreadyGone) {
                    // what we wanted
                }
            } catch (NotFoundException none) {
                // made below
            } catch (ConflictException removalInProgress) {
                last = removalInProgress;
                pause();
                continue;
            }
            try {
                String made = client.createContainerCmd(image).withName(NAME).withLabels(Map.of(LABEL, "true"))
                        .withEnv("IDLE=" + idleSeconds()).withEntrypoint("sh").withCmd("-c", "mkdir -p /t\n" + LOOP)
                        .withHostConfig(HostConfig.newHostConfig().withPidMode("host").withNetworkMode("none")
                                .withCapDrop(Capability.ALL).withCapAdd(Capability.SYS_ADMIN, Capability.SYS_PTRACE,
                                        Capability.SETUID, Capability.SETGID, Capability.KILL)
                                .withAutoRemove(true).withRestartPolicy(RestartPolicy.noRestart())
                                .withCpuShares(256).withMemory(256L * 1024 * 1024))
                        .exec().getId();
                client.startContainerCmd(made).exec();
                return id = made;
            } catch (ConflictException anotherMadeIt) {
                last = anotherMadeIt;
            }
        }
        throw last;
    }

    private static int idleSeconds() {
        String set = System.getenv("BERTH_METADATA_AGENT_IDLE");
        try {
            return set == null || set.isBlank() ? IDLE_SECONDS : Math.max(1, Integer.parseInt(set.trim()));
        } catch (NumberFormatException e) {
            return IDLE_SECONDS;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

/*
 * berth's resident route (README, "The background berth"): hands one command to a berth JVM that
 * is already running for this jar, JVM options, working directory and environment, and relays its
 * output, its exit status and the user's Ctrl-C. bin/berth runs it only for the commands a
 * resident JVM may serve; when no such JVM answers, this starts one in the background and runs the
 * command in a JVM of its own (exec), exactly as bin/berth does without this client.
 *
 * Usage: berth-client JAR N S D JVM_ARGV(N words) BERTH_ARGS...
 * The S words after JVM_ARGV's first (the java binary) are for a JVM that runs one command only: a
 * resident JVM is started without them. The D words after those are for the resident JVM only: a
 * JVM that runs one command is started without them.
 *
 * Frames both ways: one type byte, a 4-byte big-endian length, the payload.
 *   to the JVM:   A arg, E env entry, C cwd, T tty flags of fds 0-2 ("010"), W terminal width
 *                 ("" when unknown), P this process's pid, G go; later S signal number,
 *                 I stdin bytes, i end of stdin
 *   from the JVM: O stdout bytes, R stderr bytes, N wants stdin (4-byte max), X exit status,
 *                 B busy or refused (nothing was run: run the JVM here instead)
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

extern char **environ;

static char **jvm_argv; /* JVM_ARGV followed by BERTH_ARGS, NULL-terminated */
static int short_only; /* S: how many words after jvm_argv[0] only a one-command JVM gets */
static int resident_only; /* D: how many words after those only a resident JVM gets */
static int sig_pipe[2] = {-1, -1};
static struct sigaction saved[2]; /* SIGINT's and SIGTERM's dispositions before this client's */
static int handlers_set = 0;

/* Runs the command as bin/berth would without this client. Never returns. */
static void run_jvm(void) {
    signal(SIGPIPE, SIG_DFL);
    if (handlers_set) {
        sigaction(SIGINT, &saved[0], NULL);
        sigaction(SIGTERM, &saved[1], NULL);
    }
    char **argv = jvm_argv;
    if (resident_only > 0) {
        int n = 0;
        while (jvm_argv[n] != NULL) n++;
        argv = calloc((size_t) n + 1, sizeof *argv);
        if (argv == NULL) argv = jvm_argv;
        else {
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (i > short_only && i <= short_only + resident_only) continue;
                argv[k++] = jvm_argv[i];
            }
            argv[k] = NULL;
        }
    }
    execv(argv[0], argv);
    execvp(argv[0], argv);
    fprintf(stderr, "berth: cannot run %s: %s\n", argv[0], strerror(errno));
    exit(1);
}

static uint64_t fnv(uint64_t h, const void *data, size_t n) {
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) { h ^= p[i]; h *= 1099511628211ULL; }
    return h;
}

static uint64_t fnv_str(uint64_t h, const char *s) { return fnv(h, s, strlen(s) + 1); }

/* A directory of this user's only, made when missing; 0 when it is unfit. */
static int private_dir(const char *path) {
    if (mkdir(path, 0700) != 0 && errno != EEXIST) return 0;
    struct stat st;
    if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode)) return 0;
    return st.st_uid == getuid() && (st.st_mode & 077) == 0;
}

static int write_all(int fd, const void *buf, size_t n) {
    const char *p = buf;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        p += w; n -= (size_t) w;
    }
    return 0;
}

static int read_all(int fd, void *buf, size_t n) {
    char *p = buf;
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        p += r; n -= (size_t) r;
    }
    return 0;
}

static int frame(int fd, char type, const void *data, uint32_t n) {
    unsigned char head[5];
    uint32_t be = htonl(n);
    head[0] = (unsigned char) type;
    memcpy(head + 1, &be, 4);
    if (write_all(fd, head, 5) != 0) return -1;
    return n == 0 ? 0 : write_all(fd, data, n);
}

static int frame_str(int fd, char type, const char *s) { return frame(fd, type, s, (uint32_t) strlen(s)); }

static void on_signal(int sig) {
    unsigned char b = (unsigned char) sig;
    int saved = errno;
    if (write(sig_pipe[1], &b, 1) < 0) { /* the pipe is full: the signal is already on its way */ }
    errno = saved;
}

/* Starts the resident JVM for this directory in its own session; it leaves at once when another
 * one already serves it. */
static void start_daemon(const char *dir, int njvm) {
    pid_t pid = fork();
    if (pid != 0) return;
    setsid();
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    char log[4300];
    snprintf(log, sizeof log, "%s/log", dir);
    int in = open("/dev/null", O_RDONLY);
    int out = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (in < 0 || out < 0) _exit(1);
    dup2(in, 0); dup2(out, 1); dup2(out, 2);
    for (int fd = 3; fd < 1024; fd++) close(fd);
    /* JVM_ARGV ends with "-jar JAR": the property goes before them, the BERTH_ARGS are dropped. */
    char **argv = calloc((size_t) njvm + 2, sizeof *argv);
    char prop[4300];
    snprintf(prop, sizeof prop, "-Dberth.daemon=%s", dir);
    int k = 0;
    for (int i = 0; i < njvm - 2; i++) {
        if (i >= 1 && i <= short_only) continue;
        argv[k++] = jvm_argv[i];
    }
    argv[k++] = prop;
    argv[k++] = jvm_argv[njvm - 2];
    argv[k++] = jvm_argv[njvm - 1];
    argv[k] = NULL;
    execv(argv[0], argv);
    execvp(argv[0], argv);
    _exit(1);
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: berth-client JAR N S D JVM_ARGV... BERTH_ARGS...\n");
        return 2;
    }
    const char *jar = argv[1];
    int njvm = atoi(argv[2]);
    short_only = atoi(argv[3]);
    resident_only = atoi(argv[4]);
    if (njvm < 3 || 5 + njvm > argc || short_only < 0 || resident_only < 0
            || short_only + resident_only > njvm - 3) {
        fprintf(stderr, "berth-client: bad JVM argument count\n");
        return 2;
    }
    jvm_argv = argv + 5;
    char **args = argv + 5 + njvm;
    int nargs = argc - 5 - njvm;

    const char *off = getenv("BERTH_DAEMON");
    if (off != NULL && strcmp(off, "off") == 0) run_jvm();

    char cwd[4096];
    if (getcwd(cwd, sizeof cwd) == NULL) run_jvm();
    struct stat js;
    if (stat(jar, &js) != 0) run_jvm();

    /* One resident JVM per jar (and its version on disk), JVM options, directory and environment:
     * what a fresh JVM would see is then what this one sees. */
    uint64_t h = 14695981039346656037ULL;
    for (int i = 0; i < njvm; i++) h = fnv_str(h, jvm_argv[i]);
    h = fnv(h, &js.st_ino, sizeof js.st_ino);
    h = fnv(h, &js.st_size, sizeof js.st_size);
    h = fnv(h, &js.st_mtim, sizeof js.st_mtim);
    h = fnv_str(h, cwd);
    for (char **e = environ; *e != NULL; e++) h = fnv_str(h, *e);

    const char *runtime = getenv("XDG_RUNTIME_DIR");
    const char *home = getenv("HOME");
    char base[4096], dir[4200];
    if (runtime != NULL && runtime[0] == '/') snprintf(base, sizeof base, "%s/berth", runtime);
    else if (home != NULL && home[0] == '/') {
        snprintf(base, sizeof base, "%s/.cache", home);
        mkdir(base, 0700);
        snprintf(base, sizeof base, "%s/.cache/berth", home);
    } else run_jvm();
    if (!private_dir(base)) run_jvm();
    snprintf(dir, sizeof dir, "%s/daemon-%016llx", base, (unsigned long long) h);
    if (!private_dir(dir)) run_jvm();

    struct sockaddr_un addr;
    memset(&addr, 0, sizeof addr);
    addr.sun_family = AF_UNIX;
    if (snprintf(addr.sun_path, sizeof addr.sun_path, "%s/sock", dir) >= (int) sizeof addr.sun_path) run_jvm();
    int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (s < 0) run_jvm();
    if (connect(s, (struct sockaddr *) &addr, sizeof addr) != 0) {
        close(s);
        start_daemon(dir, njvm);
        run_jvm();
    }

    /* Which signals a JVM started here would have had: one the shell made us ignore stays ignored. */
    int forward[2] = {SIGINT, SIGTERM};
    if (pipe2(sig_pipe, O_CLOEXEC | O_NONBLOCK) != 0) run_jvm();
    signal(SIGPIPE, SIG_IGN);
    for (int i = 0; i < 2; i++) {
        if (sigaction(forward[i], NULL, &saved[i]) != 0 || saved[i].sa_handler == SIG_IGN) continue;
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(forward[i], &sa, NULL);
    }
    handlers_set = 1;

    int failed = 0;
    for (int i = 0; i < nargs && !failed; i++) failed |= frame_str(s, 'A', args[i]);
    for (char **e = environ; *e != NULL && !failed; e++) failed |= frame_str(s, 'E', *e);
    failed |= frame_str(s, 'C', cwd);
    char ttys[4] = {isatty(0) ? '1' : '0', isatty(1) ? '1' : '0', isatty(2) ? '1' : '0', 0};
    failed |= frame_str(s, 'T', ttys);
    char width[32] = "";
    int tty = open("/dev/tty", O_RDONLY | O_CLOEXEC);
    if (tty >= 0) {
        struct winsize ws;
        if (ioctl(tty, TIOCGWINSZ, &ws) == 0) snprintf(width, sizeof width, "%u", (unsigned) ws.ws_col);
        close(tty);
    }
    failed |= frame_str(s, 'W', width);
    char pid[32];
    snprintf(pid, sizeof pid, "%ld", (long) getpid());
    failed |= frame_str(s, 'P', pid);
    failed |= frame(s, 'G', NULL, 0);
    if (failed) { close(s); run_jvm(); }


    int signalled = 0, started = 0;
    /* Bytes of standard input the command asked for and has not had yet: read only once there
     * are some, beside the socket and the signals, so a Ctrl-C while the command waits for input
     * (an approval prompt) still reaches it, and its end is heard while the read would wait. */
    uint32_t want = 0;
    size_t cap = 65536;
    char *buf = malloc(cap);
    for (;;) {
        struct pollfd p[3] = {{s, POLLIN, 0}, {sig_pipe[0], POLLIN, 0}, {want ? 0 : -1, POLLIN, 0}};
        if (poll(p, 3, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (p[1].revents & POLLIN) {
            unsigned char sig;
            while (read(sig_pipe[0], &sig, 1) == 1) {
                signalled = sig;
                frame(s, 'S', &sig, 1);
            }
        }
        if (want && (p[2].revents & (POLLIN | POLLHUP | POLLERR))) {
            char in[65536];
            ssize_t r;
            do r = read(0, in, want); while (r < 0 && errno == EINTR);
            if (r > 0) frame(s, 'I', in, (uint32_t) r);
            else frame(s, 'i', NULL, 0);
            want = 0;
        }
        if (!(p[0].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        unsigned char head[5];
        if (read_all(s, head, 5) != 0) break;
        uint32_t n;
        memcpy(&n, head + 1, 4);
        n = ntohl(n);
        if (n > cap) { cap = n; buf = realloc(buf, cap); }
        if (n > 0 && read_all(s, buf, n) != 0) break;
        switch (head[0]) {
            case 'O': started = 1; write_all(1, buf, n); break;
            case 'R': started = 1; write_all(2, buf, n); break;
            case 'X': {
                uint32_t code;
                memcpy(&code, buf, 4);
                return (int) ntohl(code);
            }
            case 'B':
                if (started) break;
                close(s);
                run_jvm();
                break;
            case 'N':
                memcpy(&want, buf, 4);
                want = ntohl(want);
                if (want > 65536) want = 65536;
                break;
            default: break;
        }
    }
    /* The JVM ended without an exit status: a second Ctrl-C ends it at once with 130 (143 for
     * SIGTERM), as it would have ended a JVM of this process's own. */
    if (signalled) return 128 + signalled;
    fprintf(stderr, "berth: the background berth process stopped before the command finished; "
                    "run it again, or with BERTH_DAEMON=off.\n");
    return 1;
}

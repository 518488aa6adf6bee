/*
 * berth's stand-in for a FireLens log router (Fluent Bit), for machines that cannot pull
 * amazon/aws-for-fluent-bit. It reads the Fluent Bit configuration berth generates, listens where
 * its forward inputs say (unix_path; Listen/Port), decodes the Fluent forward protocol as Docker's
 * fluentd log driver sends it (Message, Forward and PackedForward modes) and honours the
 * record_modifier and grep filters and the stdout, file and null outputs. Any other output is
 * named once as not available here. It is a test double, not Fluent Bit.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <poll.h>
#include <regex.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define MAX_SECTIONS 64
#define MAX_PAIRS 32
#define MAX_FDS 128

typedef struct { char *key, *value; } pair;
typedef struct { char kind; int npairs; pair pairs[MAX_PAIRS]; int warned; regex_t re; int has_re; } section;

static section sections[MAX_SECTIONS];
static int nsections;
static volatile sig_atomic_t stopping;

static void die(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "[berth test router] ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(1);
}

static char *trim(char *s) {
    while (*s == ' ' || *s == '\t') s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r')) *--e = 0;
    return s;
}

static const char *get(section *s, const char *key) {
    for (int i = 0; i < s->npairs; i++) if (!strcasecmp(s->pairs[i].key, key)) return s->pairs[i].value;
    return NULL;
}

static void parse(const char *path, int depth) {
    FILE *f = fopen(path, "r");
    if (!f) die("cannot read configuration %s: %s", path, strerror(errno));
    char line[4096];
    section *cur = NULL;
    while (fgets(line, sizeof line, f)) {
        char *l = trim(line);
        if (!*l || *l == '#') continue;
        if (!strncasecmp(l, "@INCLUDE", 8)) {
            if (depth > 8) die("@INCLUDE nests too deep at %s", path);
            parse(trim(l + 8), depth + 1);
            cur = NULL;
            continue;
        }
        if (*l == '[') {
            if (nsections == MAX_SECTIONS) die("too many sections");
            cur = &sections[nsections++];
            memset(cur, 0, sizeof *cur);
            cur->kind = !strncasecmp(l, "[INPUT]", 7) ? 'I' : !strncasecmp(l, "[FILTER]", 8) ? 'F'
                      : !strncasecmp(l, "[OUTPUT]", 8) ? 'O' : 'S';
            continue;
        }
        if (!cur || cur->npairs == MAX_PAIRS) continue;
        char *sp = l;
        while (*sp && *sp != ' ' && *sp != '\t') sp++;
        if (*sp) *sp++ = 0;
        cur->pairs[cur->npairs].key = strdup(l);
        cur->pairs[cur->npairs].value = strdup(trim(sp));
        cur->npairs++;
    }
    fclose(f);
}

/* Fluent Bit's Match: '*' stands for any run of characters. */
static int match(const char *pattern, const char *tag) {
    if (!pattern) return 0;
    if (*pattern == '*') {
        for (const char *t = tag;; t++) {
            if (match(pattern + 1, t)) return 1;
            if (!*t) return 0;
        }
    }
    if (!*pattern) return !*tag;
    return *pattern == *tag && match(pattern + 1, tag + 1);
}

/* ---- msgpack: a small decoder into a tree ---- */
enum { NIL, BOOL, INT, FLOAT, STR, ARR, MAP, EXT };
typedef struct obj { int type; int64_t i; double d; const unsigned char *p; uint32_t n; struct obj *items; } obj;

#define NEED(k) do { if (len < (size_t)(k)) return -1; } while (0)
static uint64_t be(const unsigned char *p, int k) { uint64_t v = 0; for (int i = 0; i < k; i++) v = v << 8 | p[i]; return v; }

static long decode(const unsigned char *b, size_t len, obj *o);

static long items(const unsigned char *b, size_t len, obj *o, uint32_t count, int type, long used) {
    o->type = type;
    o->n = count;
    uint32_t total = type == MAP ? count * 2 : count;
    o->items = calloc(total ? total : 1, sizeof(obj));
    for (uint32_t i = 0; i < total; i++) {
        long k = decode(b + used, len - used, &o->items[i]);
        if (k < 0) return k;
        used += k;
    }
    return used;
}

static long bytes(const unsigned char *b, size_t len, obj *o, int type, int hdr, uint32_t n) {
    NEED(hdr + (size_t)n);
    o->type = type; o->p = b + hdr; o->n = n;
    return hdr + n;
}

static long decode(const unsigned char *b, size_t len, obj *o) {
    memset(o, 0, sizeof *o);
    NEED(1);
    unsigned c = b[0];
    if (c <= 0x7f) { o->type = INT; o->i = c; return 1; }
    if (c >= 0xe0) { o->type = INT; o->i = (int8_t)c; return 1; }
    if ((c & 0xf0) == 0x80) return items(b, len, o, c & 0x0f, MAP, 1);
    if ((c & 0xf0) == 0x90) return items(b, len, o, c & 0x0f, ARR, 1);
    if ((c & 0xe0) == 0xa0) return bytes(b, len, o, STR, 1, c & 0x1f);
    switch (c) {
    case 0xc0: o->type = NIL; return 1;
    case 0xc2: case 0xc3: o->type = BOOL; o->i = c == 0xc3; return 1;
    case 0xc4: NEED(2); return bytes(b, len, o, STR, 2, b[1]);
    case 0xc5: NEED(3); return bytes(b, len, o, STR, 3, be(b + 1, 2));
    case 0xc6: NEED(5); return bytes(b, len, o, STR, 5, be(b + 1, 4));
    case 0xc7: NEED(3); return bytes(b, len, o, EXT, 3, b[1]);
    case 0xc8: NEED(4); return bytes(b, len, o, EXT, 4, be(b + 1, 2));
    case 0xc9: NEED(6); return bytes(b, len, o, EXT, 6, be(b + 1, 4));
    case 0xca: { NEED(5); uint32_t v = be(b + 1, 4); float f; memcpy(&f, &v, 4); o->type = FLOAT; o->d = f; return 5; }
    case 0xcb: { NEED(9); uint64_t v = be(b + 1, 8); memcpy(&o->d, &v, 8); o->type = FLOAT; return 9; }
    case 0xcc: NEED(2); o->type = INT; o->i = b[1]; return 2;
    case 0xcd: NEED(3); o->type = INT; o->i = be(b + 1, 2); return 3;
    case 0xce: NEED(5); o->type = INT; o->i = be(b + 1, 4); return 5;
    case 0xcf: NEED(9); o->type = INT; o->i = (int64_t)be(b + 1, 8); return 9;
    case 0xd0: NEED(2); o->type = INT; o->i = (int8_t)b[1]; return 2;
    case 0xd1: NEED(3); o->type = INT; o->i = (int16_t)be(b + 1, 2); return 3;
    case 0xd2: NEED(5); o->type = INT; o->i = (int32_t)be(b + 1, 4); return 5;
    case 0xd3: NEED(9); o->type = INT; o->i = (int64_t)be(b + 1, 8); return 9;
    case 0xd4: return bytes(b, len, o, EXT, 2, 1);
    case 0xd5: return bytes(b, len, o, EXT, 2, 2);
    case 0xd6: return bytes(b, len, o, EXT, 2, 4);
    case 0xd7: return bytes(b, len, o, EXT, 2, 8);
    case 0xd8: return bytes(b, len, o, EXT, 2, 16);
    case 0xd9: NEED(2); return bytes(b, len, o, STR, 2, b[1]);
    case 0xda: NEED(3); return bytes(b, len, o, STR, 3, be(b + 1, 2));
    case 0xdb: NEED(5); return bytes(b, len, o, STR, 5, be(b + 1, 4));
    case 0xdc: NEED(3); return items(b, len, o, be(b + 1, 2), ARR, 3);
    case 0xdd: NEED(5); return items(b, len, o, be(b + 1, 4), ARR, 5);
    case 0xde: NEED(3); return items(b, len, o, be(b + 1, 2), MAP, 3);
    case 0xdf: NEED(5); return items(b, len, o, be(b + 1, 4), MAP, 5);
    }
    return -2;
}

static void release(obj *o) {
    if (o->type != ARR && o->type != MAP) return;
    uint32_t total = o->type == MAP ? o->n * 2 : o->n;
    for (uint32_t i = 0; i < total; i++) release(&o->items[i]);
    free(o->items);
}

/* ---- JSON out ---- */
static void json_str(FILE *f, const unsigned char *p, uint32_t n) {
    fputc('"', f);
    for (uint32_t i = 0; i < n; i++) {
        unsigned c = p[i];
        if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
        else if (c == '\n') fputs("\\n", f);
        else if (c == '\r') fputs("\\r", f);
        else if (c == '\t') fputs("\\t", f);
        else if (c < 0x20) fprintf(f, "\\u%04x", c);
        else fputc(c, f);
    }
    fputc('"', f);
}

static void json(FILE *f, const obj *o) {
    switch (o->type) {
    case NIL: case EXT: fputs("null", f); break;
    case BOOL: fputs(o->i ? "true" : "false", f); break;
    case INT: fprintf(f, "%lld", (long long)o->i); break;
    case FLOAT: fprintf(f, "%.17g", o->d); break;
    case STR: json_str(f, o->p, o->n); break;
    case ARR:
        fputc('[', f);
        for (uint32_t i = 0; i < o->n; i++) { if (i) fputc(',', f); json(f, &o->items[i]); }
        fputc(']', f);
        break;
    case MAP:
        fputc('{', f);
        for (uint32_t i = 0; i < o->n; i++) {
            if (i) fputc(',', f);
            json(f, &o->items[2 * i]);
            fputc(':', f);
            json(f, &o->items[2 * i + 1]);
        }
        fputc('}', f);
        break;
    }
}

/* ---- one record through filters and outputs ---- */
static const obj *field(const obj *record, const char *key) {
    size_t k = strlen(key);
    for (uint32_t i = 0; record->type == MAP && i < record->n; i++) {
        const obj *name = &record->items[2 * i];
        if (name->type == STR && name->n == k && !memcmp(name->p, key, k)) return &record->items[2 * i + 1];
    }
    return NULL;
}

/* A grep rule "KEY REGEX": whether the record's KEY matches. */
static int grep_hit(section *s, const char *rule, const obj *record) {
    char key[256];
    const char *sp = strchr(rule, ' ');
    if (!sp || sp - rule >= (long)sizeof key) return 0;
    memcpy(key, rule, sp - rule);
    key[sp - rule] = 0;
    if (!s->has_re) {
        if (regcomp(&s->re, trim((char *)sp), REG_EXTENDED | REG_NOSUB)) die("bad grep regex %s", sp);
        s->has_re = 1;
    }
    const obj *v = field(record, key);
    if (!v || v->type != STR) return 0;
    char *text = strndup((const char *)v->p, v->n);
    int hit = regexec(&s->re, text, 0, NULL, 0) == 0;
    free(text);
    return hit;
}

static double seconds(const obj *t) {
    if (t->type == INT) return (double)t->i;
    if (t->type == FLOAT) return t->d;
    if (t->type == EXT && t->n == 8) return (double)be(t->p, 4) + be(t->p + 4, 4) / 1e9;
    return 0;
}

static void write_record(FILE *f, const char *tag, const obj *record) {
    (void)tag;
    /* The record and the fields record_modifier filters add, as one JSON object. */
    fputc('{', f);
    int first = 1;
    for (uint32_t i = 0; record->type == MAP && i < record->n; i++) {
        if (!first) fputc(',', f);
        first = 0;
        json(f, &record->items[2 * i]);
        fputc(':', f);
        json(f, &record->items[2 * i + 1]);
    }
    for (int s = 0; s < nsections; s++) {
        section *sec = &sections[s];
        const char *name = get(sec, "Name");
        if (sec->kind != 'F' || !name || strcasecmp(name, "record_modifier") || !match(get(sec, "Match"), tag)) continue;
        for (int p = 0; p < sec->npairs; p++) {
            if (strcasecmp(sec->pairs[p].key, "Record")) continue;
            const char *v = sec->pairs[p].value, *sp = strchr(v, ' ');
            if (!sp) continue;
            if (!first) fputc(',', f);
            first = 0;
            json_str(f, (const unsigned char *)v, sp - v);
            fputc(':', f);
            json_str(f, (const unsigned char *)sp + 1, strlen(sp + 1));
        }
    }
    fputc('}', f);
}

static void route(const char *tag, const obj *time, const obj *record) {
    for (int s = 0; s < nsections; s++) {
        section *sec = &sections[s];
        const char *name = get(sec, "Name");
        if (sec->kind != 'F' || !name || strcasecmp(name, "grep") || !match(get(sec, "Match"), tag)) continue;
        const char *regex = get(sec, "Regex"), *exclude = get(sec, "Exclude");
        if (regex && !grep_hit(sec, regex, record)) return;
        if (exclude && grep_hit(sec, exclude, record)) return;
    }
    for (int s = 0; s < nsections; s++) {
        section *sec = &sections[s];
        const char *name = get(sec, "Name");
        if (sec->kind != 'O' || !name || !match(get(sec, "Match"), tag)) continue;
        if (!strcasecmp(name, "stdout")) {
            printf("[%s] ", tag);
            write_record(stdout, tag, record);
            fputc('\n', stdout);
            fflush(stdout);
        } else if (!strcasecmp(name, "file")) {
            const char *dir = get(sec, "Path"), *file = get(sec, "File");
            char path[4096];
            snprintf(path, sizeof path, "%s%s%s", dir ? dir : "", dir ? "/" : "", file ? file : tag);
            FILE *f = fopen(path, "a");
            if (!f) { fprintf(stderr, "[berth test router] cannot open %s: %s\n", path, strerror(errno)); continue; }
            fprintf(f, "%s: [%.9f, ", tag, seconds(time));
            write_record(f, tag, record);
            fputs("]\n", f);
            fclose(f);
        } else if (strcasecmp(name, "null") && !sec->warned) {
            sec->warned = 1;
            printf("output %s not available in berth's test router (records matching %s are dropped)\n", name,
                   get(sec, "Match") ? get(sec, "Match") : "(none)");
            fflush(stdout);
        }
    }
}

static char *text(const obj *o) { return o->type == STR ? strndup((const char *)o->p, o->n) : strdup(""); }

/* One forward-protocol message: [tag, time, record(, option)], [tag, [[time, record]...](, option)] or
   [tag, packed entries(, option)]. Answers an ack when the option asks for one. */
static void message(int fd, const obj *m) {
    if (m->type != ARR || m->n < 2) return;
    char *tag = text(&m->items[0]);
    const obj *second = &m->items[1], *option = NULL;
    if (second->type == ARR) {
        for (uint32_t i = 0; i < second->n; i++) {
            const obj *e = &second->items[i];
            if (e->type == ARR && e->n >= 2) route(tag, &e->items[0], &e->items[1]);
        }
        if (m->n > 2) option = &m->items[2];
    } else if (second->type == STR && m->n >= 2 && (m->n == 2 || m->items[2].type == MAP)) {
        const obj *compressed = m->n > 2 ? field(&m->items[2], "compressed") : NULL;
        if (compressed) {
            fprintf(stderr, "[berth test router] compressed PackedForward is not supported\n");
        } else {
            size_t used = 0;
            while (used < second->n) {
                obj e;
                long k = decode(second->p + used, second->n - used, &e);
                if (k < 0) break;
                if (e.type == ARR && e.n >= 2) route(tag, &e.items[0], &e.items[1]);
                release(&e);
                used += k;
            }
        }
        if (m->n > 2) option = &m->items[2];
    } else if (m->n >= 3) {
        route(tag, second, &m->items[2]);
        if (m->n > 3) option = &m->items[3];
    }
    const obj *chunk = option ? field(option, "chunk") : NULL;
    if (chunk && chunk->type == STR && chunk->n < 256) {
        unsigned char ack[300] = {0x81, 0xa3, 'a', 'c', 'k', 0xd9, (unsigned char)chunk->n};
        memcpy(ack + 7, chunk->p, chunk->n);
        if (write(fd, ack, 7 + chunk->n) < 0) { /* the sender went away; nothing to do */ }
    }
    free(tag);
}

/* ---- sockets ---- */
typedef struct { int fd; int listener; int discard; unsigned char *buf; size_t len, cap; } conn;
static conn conns[MAX_FDS];
static int nconns;

static void add(int fd, int listener, int discard) {
    if (nconns == MAX_FDS) { close(fd); return; }
    conns[nconns] = (conn){fd, listener, discard, NULL, 0, 0};
    nconns++;
}

static void listen_unix(const char *path) {
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    snprintf(a.sun_path, sizeof a.sun_path, "%s", path);
    unlink(path);
    if (bind(fd, (struct sockaddr *)&a, sizeof a) || listen(fd, 64)) die("cannot listen on %s: %s", path, strerror(errno));
    chmod(path, 0666);
    add(fd, 1, 0);
    fprintf(stderr, "[berth test router] forward input on unix %s\n", path);
}

static void listen_tcp(const char *host, const char *port, int discard) {
    int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(atoi(port))};
    if (inet_pton(AF_INET, host ? host : "0.0.0.0", &a.sin_addr) != 1) die("bad Listen address %s", host);
    if (bind(fd, (struct sockaddr *)&a, sizeof a) || listen(fd, 64)) die("cannot listen on %s:%s: %s", host, port, strerror(errno));
    add(fd, 1, discard);
    fprintf(stderr, "[berth test router] %s input on tcp %s:%s\n", discard ? "tcp" : "forward", host ? host : "0.0.0.0", port);
}

static void readable(int i) {
    conn *c = &conns[i];
    if (c->listener) {
        int fd = accept(c->fd, NULL, NULL);
        if (fd >= 0) add(fd, 0, c->discard);
        return;
    }
    if (c->cap - c->len < 65536) {
        c->cap = c->cap * 2 + 65536;
        c->buf = realloc(c->buf, c->cap);
    }
    ssize_t n = read(c->fd, c->buf + c->len, c->cap - c->len);
    if (n <= 0) { c->fd = -1; return; }
    if (c->discard) return;
    c->len += n;
    size_t used = 0;
    while (used < c->len) {
        obj m;
        long k = decode(c->buf + used, c->len - used, &m);
        if (k == -1) { release(&m); break; }
        if (k < 0) { fprintf(stderr, "[berth test router] undecodable input; closing the connection\n"); c->fd = -1; release(&m); return; }
        message(c->fd, &m);
        release(&m);
        used += k;
    }
    memmove(c->buf, c->buf + used, c->len - used);
    c->len -= used;
}

static void stop(int sig) { (void)sig; stopping = 1; }

int main(int argc, char **argv) {
    const char *config = "/fluent-bit/etc/fluent-bit.conf";
    for (int i = 1; i < argc; i++) if (!strcmp(argv[i], "-c") && i + 1 < argc) config = argv[++i];
    setvbuf(stdout, NULL, _IOLBF, 0);
    struct sigaction sa = {.sa_handler = stop};
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    parse(config, 0);
    fprintf(stderr, "[berth test router] read %s (%d sections); this is berth's stand-in, not Fluent Bit\n", config, nsections);
    for (int s = 0; s < nsections; s++) {
        section *sec = &sections[s];
        const char *name = get(sec, "Name");
        if (sec->kind != 'I' || !name) continue;
        if (!strcasecmp(name, "forward")) {
            if (get(sec, "unix_path")) listen_unix(get(sec, "unix_path"));
            else listen_tcp(get(sec, "Listen"), get(sec, "Port") ? get(sec, "Port") : "24224", 0);
        } else if (!strcasecmp(name, "tcp")) {
            listen_tcp(get(sec, "Listen"), get(sec, "Port") ? get(sec, "Port") : "5170", 1);
        } else {
            printf("input %s not available in berth's test router\n", name);
        }
    }
    while (!stopping) {
        struct pollfd p[MAX_FDS];
        int live = 0;
        for (int i = 0; i < nconns; i++) {
            if (conns[i].fd < 0) { free(conns[i].buf); continue; }
            conns[live++] = conns[i];
        }
        nconns = live;
        for (int i = 0; i < nconns; i++) p[i] = (struct pollfd){.fd = conns[i].fd, .events = POLLIN};
        int n = poll(p, nconns, 1000);
        if (n < 0) { if (errno == EINTR) continue; die("poll: %s", strerror(errno)); }
        int count = nconns; /* connections accepted below are polled from the next round */
        for (int i = 0; i < count; i++) {
            if (!(p[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            int fd = conns[i].fd;
            readable(i);
            if (conns[i].fd < 0) close(fd);
        }
    }
    fprintf(stderr, "[berth test router] stopping\n");
    return 0;
}

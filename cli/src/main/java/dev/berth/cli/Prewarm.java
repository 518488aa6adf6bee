package dev.berth.cli;

import java.math.BigDecimal;

/**
 * Work of the JDK's own that nearly every command pays once and berth cannot leave out, done on a
 * second thread while the main thread builds its options and reads the configuration, so a core
 * that would sit idle does it (bench/README.md, "Start-up of small commands").
 *
 * <p>JDK 25's {@code BigDecimal} computes a table of large powers of five when the class is
 * initialised: 10-20% of a small {@code validate}, {@code plan} or {@code ecs list-*} before
 * anything is printed (the HCL parser, Jackson and SQLite all touch it). Only that class is warmed:
 * its initialisation needs no class whose own initialisation needs it, so the two threads can
 * never wait on each other; the JVM makes the main thread wait if it gets there first. What is
 * left out on purpose: the locale data behind the first {@code Calendar} (another 12-16%), whose
 * initialisation runs through many classes that a command's thread may be initialising at the
 * same moment.
 */
final class Prewarm {
    private Prewarm() {
    }

    static void start() {
        Thread t = new Thread(Prewarm::warm, "berth-prewarm");
        t.setDaemon(true);
        t.start();
    }

    private static void warm() {
        // Reading a constant is enough: it runs the class's initialiser.
        BigDecimal.ONE.signum();
    }
}

package dev.berth.engine.eval;

import dev.berth.engine.value.Value;

/** Names bound by for expressions, template loops and templatefile vars; innermost first. */
record Locals(String name, Value value, Locals parent) {
    static final Locals EMPTY = new Locals(null, null, null);

    Locals bind(String n, Value v) {
        return n == null ? this : new Locals(n, v, this);
    }

    boolean has(String n) {
        for (Locals l = this; l != null && l.name != null; l = l.parent) if (l.name.equals(n)) return true;
        return false;
    }

    Value get(String n) {
        for (Locals l = this; l != null && l.name != null; l = l.parent) if (l.name.equals(n)) return l.value;
        return null;
    }
}

package dev.berth.engine.fmt;

import dev.berth.engine.diag.SourceRange;

import java.lang.reflect.RecordComponent;
import java.util.List;

/** An AST rendered as text with every source range left out, so two parses can be compared. */
final class AstShape {
    private AstShape() {
    }

    static String of(Object node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb);
        return sb.toString();
    }

    private static void write(Object o, StringBuilder sb) {
        if (o instanceof List<?> list) {
            sb.append('[');
            for (Object e : list) {
                write(e, sb);
                sb.append(',');
            }
            sb.append(']');
        } else if (o instanceof Record r && !(o instanceof SourceRange)) {
            sb.append(r.getClass().getSimpleName()).append('(');
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                if (c.getType() == SourceRange.class || c.getName().equals("path")) continue;
                try {
                    write(c.getAccessor().invoke(r), sb);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                sb.append(';');
            }
            sb.append(')');
        } else if (!(o instanceof SourceRange)) {
            sb.append(o);
        }
    }
}

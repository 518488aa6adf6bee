package dev.berth.ecs.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * ECS's action names ("CreateCluster") mapped onto {@link EcsApi}'s methods, so the HTTP server
 * and client, and anything else that speaks action names, have one table that cannot fall out
 * of step with the interface.
 */
public final class Actions {
    /** One action: its name, method, and request and response record types. */
    public record Action(String name, Method method, Class<?> requestType, Class<?> responseType) {
        /** Whether the action only reads: ECS's naming is regular, every such action starts with Describe or List. */
        public boolean readOnly() {
            return Actions.readOnly(name);
        }

        /** Calls the action on {@code api}; an {@link EcsException} (or any failure) comes out as thrown. */
        public Object invoke(EcsApi api, Object request) {
            try {
                return method.invoke(api, request);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final Map<String, Action> BY_NAME = scan();

    /** Whether the action named {@code action} only reads (see {@link Action#readOnly}). */
    public static boolean readOnly(String action) {
        return action.startsWith("Describe") || action.startsWith("List");
    }

    private Actions() {
    }

    /** Every action, by name in name order. */
    public static Map<String, Action> all() {
        return BY_NAME;
    }

    public static Optional<Action> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The action a method of {@link EcsApi} implements. */
    public static Action of(Method method) {
        return BY_NAME.get(nameOf(method));
    }

    private static Map<String, Action> scan() {
        Map<String, Action> out = new TreeMap<>();
        for (Method m : EcsApi.class.getMethods()) {
            if (m.getParameterCount() != 1 || m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            out.put(nameOf(m), new Action(nameOf(m), m, m.getParameterTypes()[0], m.getReturnType()));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static String nameOf(Method m) {
        return Character.toUpperCase(m.getName().charAt(0)) + m.getName().substring(1);
    }
}

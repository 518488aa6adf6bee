package dev.berth.ecs.http;

import dev.berth.ecs.api.Actions;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An {@link EcsApi} whose actions a test scripts one by one, for testing the transport alone;
 * an action not scripted answers as the control plane's unwritten ones do. Records every
 * request it received.
 */
final class ScriptedApi {
    final Map<String, Function<Object, Object>> actions = new ConcurrentHashMap<>();
    final List<Object> received = new CopyOnWriteArrayList<>();

    @SuppressWarnings("unchecked")
    <Q> ScriptedApi on(String action, Function<Q, Object> answer) {
        actions.put(action, r -> answer.apply((Q) r));
        return this;
    }

    EcsApi api() {
        return (EcsApi) Proxy.newProxyInstance(EcsApi.class.getClassLoader(), new Class<?>[]{EcsApi.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) return method.invoke(this, args);
                    String name = Actions.of(method).name();
                    received.add(args[0]);
                    Function<Object, Object> answer = actions.get(name);
                    if (answer == null) {
                        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, name + " is not supported by this control plane yet.");
                    }
                    return answer.apply(args[0]);
                });
    }
}

package dev.berth.engine.value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A configuration or state value. Values are immutable. Two markings travel with them:
 * {@link UnknownValue} stands for "known after apply", and {@link SensitiveValue} wraps a value
 * that must never be shown. Collections keep their elements' markings, so a single sensitive
 * field inside an object stays hidden while its neighbours remain readable.
 */
public sealed interface Value
        permits NullValue, StringValue, NumberValue, BoolValue, ListValue, MapValue,
        UnknownValue, SensitiveValue {

    /** The HCL type name of this value, as diagnostics say it ("string", "number", ...). */
    String typeName();

    /** True when neither this value nor anything inside it is unknown. */
    default boolean isWhollyKnown() {
        return true;
    }

    /** True when this value or anything inside it is marked sensitive. */
    default boolean containsSensitive() {
        return false;
    }

    /** This value with every sensitive marking removed, at any depth. */
    default Value unmarked() {
        return this;
    }

    default boolean isNull() {
        return this instanceof NullValue;
    }

    static Value nil() {
        return NullValue.INSTANCE;
    }

    static Value unknown() {
        return UnknownValue.INSTANCE;
    }

    static Value of(String s) {
        return s == null ? NullValue.INSTANCE : new StringValue(s);
    }

    static Value of(long n) {
        return new NumberValue(BigDecimal.valueOf(n));
    }

    static Value of(BigDecimal n) {
        return n == null ? NullValue.INSTANCE : new NumberValue(n);
    }

    static Value of(boolean b) {
        return b ? BoolValue.TRUE : BoolValue.FALSE;
    }

    static Value list(List<Value> items) {
        return new ListValue(items);
    }

    static Value map(Map<String, Value> entries) {
        return new MapValue(entries);
    }

    static Value sensitive(Value v) {
        return v instanceof SensitiveValue ? v : new SensitiveValue(v);
    }
}

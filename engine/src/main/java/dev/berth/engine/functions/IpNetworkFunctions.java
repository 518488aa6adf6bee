package dev.berth.engine.functions;

import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Terraform's IP network functions: cidrhost, cidrnetmask, cidrsubnet and cidrsubnets. */
final class IpNetworkFunctions {
    private IpNetworkFunctions() {
    }

    static List<Function> all() {
        return List.of(
                Fn.of("cidrhost", List.of("prefix", "hostnum"), IpNetworkFunctions::cidrhost),
                Fn.of("cidrnetmask", List.of("prefix"), IpNetworkFunctions::cidrnetmask),
                Fn.of("cidrsubnet", List.of("prefix", "newbits", "netnum"), IpNetworkFunctions::cidrsubnet),
                Fn.variadic("cidrsubnets", List.of("prefix"), "newbits", IpNetworkFunctions::cidrsubnets));
    }

    private static IpAddress.Prefix prefix(Args a) {
        try {
            return IpAddress.Prefix.parse(a.string(0));
        } catch (IllegalArgumentException e) {
            throw a.invalid(0, e.getMessage());
        }
    }

    private static BigInteger whole(Args a, int i) {
        BigDecimal n = a.number(i);
        try {
            return n.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw a.invalid(i, "must be a whole number");
        }
    }

    private static Value cidrhost(Args a) {
        IpAddress.Prefix p = prefix(a);
        BigInteger num = whole(a, 1);
        BigInteger max = BigInteger.ONE.shiftLeft(p.hostBits()).subtract(BigInteger.ONE);
        BigInteger host = num.signum() < 0 ? max.add(num).add(BigInteger.ONE) : num;
        if (host.signum() < 0 || host.compareTo(max) > 0) {
            throw new FunctionException("prefix of " + p.length() + " does not accommodate a host numbered " + num);
        }
        return new StringValue(p.network().plus(host).toString());
    }

    private static Value cidrnetmask(Args a) {
        IpAddress.Prefix p = prefix(a);
        if (p.network().bits() != 32) {
            throw a.invalid(0, "IPv6 addresses cannot have a netmask: " + a.string(0));
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE.shiftLeft(32 - p.length()));
        return new StringValue(new IpAddress(mask, 32).toString());
    }

    private static Value cidrsubnet(Args a) {
        IpAddress.Prefix p = prefix(a);
        int newbits = a.integer(1);
        BigInteger num = whole(a, 2);
        int bits = p.network().bits();
        int length = p.length() + newbits;
        if (length > bits) {
            throw new FunctionException("insufficient address space to extend prefix of " + p.length() + " by " + newbits);
        }
        // Go's go-cidr arithmetic, negative numbers included: the limit wraps for negative newbits,
        // the subnet number is compared by the low 64 bits of its magnitude, and it is OR-ed in
        // two's complement before the magnitude becomes the address.
        BigInteger low64 = BigInteger.ONE.shiftLeft(64);
        BigInteger max = newbits >= 0 && newbits < 64 ? BigInteger.ONE.shiftLeft(newbits).subtract(BigInteger.ONE) : low64.subtract(BigInteger.ONE);
        if (num.abs().mod(low64).compareTo(max) > 0) {
            throw new FunctionException("prefix extension of " + newbits + " does not accommodate a subnet numbered " + num);
        }
        BigInteger address = p.network().value().or(num.shiftLeft(Math.max(0, bits - length))).abs()
                .mod(BigInteger.ONE.shiftLeft(bits));
        return new StringValue(new IpAddress(address, bits) + "/" + length);
    }

    /**
     * Allocates consecutive subnets as Terraform does (after go-cidr's NextSubnet): each starts
     * at the first address after the previous one that is aligned to its own size.
     */
    private static Value cidrsubnets(Args a) {
        IpAddress.Prefix base = prefix(a);
        int bits = base.network().bits();
        List<Value> out = new ArrayList<>();
        if (a.size() == 1) return new ListValue(out);
        int first = base.length() + a.integer(1);
        IpAddress.Prefix current = new IpAddress.Prefix(
                base.network().plus(BigInteger.ONE.negate()).masked(Math.min(first, bits)), Math.min(first, bits));
        for (int i = 1; i < a.size(); i++) {
            int extend = a.integer(i);
            if (extend < 1) throw a.invalid(i, "must extend prefix by at least one bit");
            if (extend > 32) throw a.invalid(i, "may not extend prefix by more than 32 bits");
            int length = base.length() + extend;
            if (length > bits) {
                throw a.invalid(i, "would extend prefix to " + length + " bits, which is too long for an "
                        + (bits == 32 ? "IPv4" : "IPv6") + " address");
            }
            IpAddress.Prefix within = new IpAddress.Prefix(current.last().masked(length), length);
            IpAddress start = within.last().plus(BigInteger.ONE);
            IpAddress.Prefix next = new IpAddress.Prefix(start.masked(length), length);
            if (start.value().signum() == 0 || !base.contains(next.network())) {
                throw a.invalid(i, "not enough remaining address space for a subnet with a prefix of " + length
                        + " bits after " + current);
            }
            current = next;
            out.add(new StringValue(current.toString()));
        }
        return new ListValue(out);
    }
}

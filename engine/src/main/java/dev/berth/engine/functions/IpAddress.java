package dev.berth.engine.functions;

import java.math.BigInteger;

/**
 * An IPv4 or IPv6 address as an unsigned integer of 32 or 128 bits, parsed and printed as Go's
 * net package does (IPv6 with the longest run of zero groups shortened to "::").
 */
record IpAddress(BigInteger value, int bits) {

    /** A network prefix such as 10.0.0.0/16; the address is kept with its host bits cleared. */
    record Prefix(IpAddress network, int length) {
        static Prefix parse(String s) {
            int slash = s.indexOf('/');
            if (slash < 0) throw new IllegalArgumentException("invalid CIDR address: " + s);
            IpAddress ip = IpAddress.parse(s.substring(0, slash), s);
            String len = s.substring(slash + 1);
            if (!len.matches("\\d{1,3}") || Integer.parseInt(len) > ip.bits) {
                throw new IllegalArgumentException("invalid CIDR address: " + s);
            }
            int length = Integer.parseInt(len);
            return new Prefix(ip.masked(length), length);
        }

        int hostBits() {
            return network.bits - length;
        }

        boolean contains(IpAddress ip) {
            return ip.masked(length).equals(network);
        }

        IpAddress last() {
            return new IpAddress(network.value.or(BigInteger.ONE.shiftLeft(hostBits()).subtract(BigInteger.ONE)), network.bits);
        }

        @Override
        public String toString() {
            return network + "/" + length;
        }
    }

    static IpAddress parse(String s, String whole) {
        if (s.contains(":")) return parse6(s, whole);
        return new IpAddress(BigInteger.valueOf(parse4(s, whole)), 32);
    }

    private static long parse4(String s, String whole) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) throw bad(whole);
        long v = 0;
        for (String p : parts) {
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) throw bad(whole);
            v = (v << 8) | Integer.parseInt(p);
        }
        return v;
    }

    private static IpAddress parse6(String s, String whole) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) throw bad(whole);
        String head = gap < 0 ? s : s.substring(0, gap);
        String tail = gap < 0 ? "" : s.substring(gap + 2);
        long[] h = groups(head, whole, gap < 0);
        long[] t = groups(tail, whole, true);
        int total = h.length + t.length;
        if (gap < 0 ? total != 8 : total > 7) throw bad(whole);
        BigInteger v = BigInteger.ZERO;
        for (long g : h) v = v.shiftLeft(16).or(BigInteger.valueOf(g));
        v = v.shiftLeft(16 * (8 - total));
        for (long g : t) v = v.shiftLeft(16).or(BigInteger.valueOf(g));
        return new IpAddress(v, 128);
    }

    /** 16-bit groups; an IPv4 address may end the list (only where it can be the last groups). */
    private static long[] groups(String s, String whole, boolean mayEndWithV4) {
        if (s.isEmpty()) return new long[0];
        String[] parts = s.split(":", -1);
        boolean v4 = mayEndWithV4 && parts[parts.length - 1].contains(".");
        long[] out = new long[parts.length + (v4 ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (v4 && i == parts.length - 1) {
                long x = parse4(p, whole);
                out[i] = x >> 16;
                out[i + 1] = x & 0xFFFF;
            } else {
                if (!p.matches("[0-9a-fA-F]{1,4}")) throw bad(whole);
                out[i] = Long.parseLong(p, 16);
            }
        }
        return out;
    }

    private static IllegalArgumentException bad(String whole) {
        return new IllegalArgumentException("invalid CIDR address: " + whole);
    }

    IpAddress masked(int length) {
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - length).subtract(BigInteger.ONE);
        return new IpAddress(value.andNot(hostMask), bits);
    }

    /** This address plus n, wrapping around the address space as Go's cidr package does. */
    IpAddress plus(BigInteger n) {
        BigInteger size = BigInteger.ONE.shiftLeft(bits);
        return new IpAddress(value.add(n).mod(size), bits);
    }

    @Override
    public String toString() {
        if (bits == 32) return dotted(value.longValue());
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = value.shiftRight(16 * (7 - i)).intValue() & 0xFFFF;
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xFFFF) {
            return dotted(value.longValue() & 0xFFFFFFFFL);
        }
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') out.append(':');
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }

    private static String dotted(long v) {
        return ((v >> 24) & 0xFF) + "." + ((v >> 16) & 0xFF) + "." + ((v >> 8) & 0xFF) + "." + (v & 0xFF);
    }
}

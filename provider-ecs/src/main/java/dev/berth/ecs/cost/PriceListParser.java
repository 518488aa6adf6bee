package dev.berth.ecs.cost;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads berth's price list format: one price a line, a name and US dollars per hour separated
 * by blanks; {@code #} starts a comment; blank lines are ignored. The names
 * {@code fargate.vcpu}, {@code fargate.gb}, {@code fargate.arm64.vcpu} and
 * {@code fargate.arm64.gb} are FARGATE's rates (each architecture needs both or neither); any
 * other name is an EC2 instance type. A name given twice is an error, so an edited copy of the
 * list never silently keeps the first price.
 */
public final class PriceListParser {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern PRICE = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Map<String, String> FARGATE_KEYS = new LinkedHashMap<>();

    static {
        FARGATE_KEYS.put("fargate.vcpu", "X86_64 vcpu");
        FARGATE_KEYS.put("fargate.gb", "X86_64 gb");
        FARGATE_KEYS.put("fargate.arm64.vcpu", "ARM64 vcpu");
        FARGATE_KEYS.put("fargate.arm64.gb", "ARM64 gb");
    }

    private PriceListParser() {
    }

    /** {@code file} names the list in messages and in {@link PriceList#source()}. */
    public static PriceList parse(String text, String file) {
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            int hash = raw.indexOf('#');
            String content = hash < 0 ? raw : raw.substring(0, hash);
            if (content.isBlank()) continue;
            int n = i + 1;
            Matcher nameAt = Pattern.compile("\\S+").matcher(content);
            nameAt.find();
            String name = nameAt.group();
            if (!NAME.matcher(name).matches()) {
                throw new PriceListException(file, n, nameAt.start() + 1, raw, "\"" + name + "\" is not an instance type "
                        + "or a FARGATE rate name; expected a line such as \"t3.medium 0.0416\".");
            }
            if (!nameAt.find()) {
                throw new PriceListException(file, n, content.stripTrailing().length() + 1, raw, "\"" + name
                        + "\" has no price; expected US dollars per hour after it, such as \"" + name + " 0.0416\".");
            }
            String price = nameAt.group();
            if (!PRICE.matcher(price).matches()) {
                throw new PriceListException(file, n, nameAt.start() + 1, raw, "\"" + price + "\" is not a price; "
                        + "expected US dollars per hour as a plain decimal number, such as 0.0416.");
            }
            if (nameAt.find()) {
                throw new PriceListException(file, n, nameAt.start() + 1, raw, "unexpected \"" + nameAt.group()
                        + "\" after the price; a line holds one name and one price.");
            }
            if (name.startsWith("fargate.") && !FARGATE_KEYS.containsKey(name)) {
                throw new PriceListException(file, n, 1, raw, "\"" + name + "\" is not a FARGATE rate; the rates are "
                        + String.join(", ", FARGATE_KEYS.keySet()) + ".");
            }
            Integer first = lineOf.putIfAbsent(name, n);
            if (first != null) {
                throw new PriceListException(file, n, 1, raw, "\"" + name + "\" is already priced on line " + first + ".");
            }
            prices.put(name, new BigDecimal(price));
        }
        return build(prices, file, lineOf, lines);
    }

    private static PriceList build(Map<String, BigDecimal> prices, String file, Map<String, Integer> lineOf,
                                   List<String> lines) {
        Map<TaskShape.Arch, FargateRates> fargate = new EnumMap<>(TaskShape.Arch.class);
        rates(prices, "fargate.vcpu", "fargate.gb", file, lineOf, lines).ifPresent(r -> fargate.put(TaskShape.Arch.X86_64, r));
        rates(prices, "fargate.arm64.vcpu", "fargate.arm64.gb", file, lineOf, lines)
                .ifPresent(r -> fargate.put(TaskShape.Arch.ARM64, r));
        Map<String, BigDecimal> instances = new HashMap<>(prices);
        FARGATE_KEYS.keySet().forEach(instances::remove);
        return new PriceList(file, fargate, instances);
    }

    private static java.util.Optional<FargateRates> rates(Map<String, BigDecimal> prices, String vcpu, String gb,
                                                          String file, Map<String, Integer> lineOf, List<String> lines) {
        if (prices.containsKey(vcpu) != prices.containsKey(gb)) {
            String given = prices.containsKey(vcpu) ? vcpu : gb;
            String missing = prices.containsKey(vcpu) ? gb : vcpu;
            int n = lineOf.get(given);
            throw new PriceListException(file, n, 1, lines.get(n - 1), "\"" + given + "\" needs \"" + missing
                    + "\" beside it: FARGATE bills a task by both.");
        }
        if (!prices.containsKey(vcpu)) return java.util.Optional.empty();
        return java.util.Optional.of(new FargateRates(prices.get(vcpu), prices.get(gb)));
    }
}

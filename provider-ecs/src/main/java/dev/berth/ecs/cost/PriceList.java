package dev.berth.ecs.cost;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The prices berth counts with, all in US dollars per hour: FARGATE's per vCPU and per GB for
 * each CPU architecture, and EC2 instances by instance type. {@code source} says where they
 * came from, for the reader of a cost section.
 */
public record PriceList(String source, Map<TaskShape.Arch, FargateRates> fargate, Map<String, BigDecimal> instances) {
    public PriceList {
        fargate = Map.copyOf(fargate);
        instances = java.util.Collections.unmodifiableMap(new TreeMap<>(instances));
    }

    public Optional<FargateRates> fargate(TaskShape.Arch arch) {
        return Optional.ofNullable(fargate.get(arch));
    }

    public Optional<BigDecimal> instance(String instanceType) {
        return Optional.ofNullable(instances.get(instanceType));
    }
}

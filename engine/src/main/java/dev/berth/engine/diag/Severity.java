package dev.berth.engine.diag;

public enum Severity { ERROR, WARNING }

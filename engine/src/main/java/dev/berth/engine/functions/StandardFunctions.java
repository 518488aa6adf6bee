package dev.berth.engine.functions;

import java.util.ArrayList;
import java.util.List;

/** The catalogue of built-in functions. */
public final class StandardFunctions {
    private StandardFunctions() {
    }

    public static List<Function> all() {
        List<Function> all = new ArrayList<>();
        all.addAll(NumericFunctions.all());
        all.addAll(StringFunctions.all());
        all.addAll(FormatFunctions.all());
        all.addAll(RegexFunctions.all());
        all.addAll(CollectionFunctions.all());
        all.addAll(MapFunctions.all());
        all.addAll(SetFunctions.all());
        all.addAll(EncodingFunctions.all());
        all.addAll(HashFunctions.all());
        all.addAll(ConversionFunctions.all());
        all.addAll(DateTimeFunctions.all());
        all.addAll(IpNetworkFunctions.all());
        all.addAll(FilesystemFunctions.pure());
        // Bound to the process's directory until an evaluator binds them to its configuration's.
        all.addAll(FilesystemFunctions.in(java.nio.file.Path.of(".")));
        all.addAll(SensitivityFunctions.all());
        return List.copyOf(all);
    }
}

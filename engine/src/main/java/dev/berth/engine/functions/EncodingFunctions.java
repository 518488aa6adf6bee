package dev.berth.engine.functions;

import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;
import dev.berth.engine.value.ValueJson;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Terraform's encoding functions: base64, JSON, YAML, URL query escaping and CSV. */
final class EncodingFunctions {
    private EncodingFunctions() {
    }

    static List<Function> all() {
        return List.of(
                Fn.of("base64encode", List.of("str"),
                        a -> str(Base64.getEncoder().encodeToString(a.string(0).getBytes(StandardCharsets.UTF_8)))),
                Fn.of("base64decode", List.of("str"), EncodingFunctions::base64decode),
                Fn.of("base64gzip", List.of("str"), a -> str(Base64.getEncoder().encodeToString(
                        Gzip.compress(a.string(0).getBytes(StandardCharsets.UTF_8))))),
                Fn.of("textencodebase64", List.of("string", "encoding"), EncodingFunctions::textencodebase64),
                Fn.of("textdecodebase64", List.of("source", "encoding"), EncodingFunctions::textdecodebase64),
                Fn.of("jsonencode", List.of("val"), a -> str(GoJson.encode(a.get(0)))),
                Fn.of("jsondecode", List.of("str"), a -> {
                    try {
                        return ValueJson.fromJson(a.string(0));
                    } catch (IllegalArgumentException e) {
                        throw a.invalid(0, e.getMessage());
                    }
                }),
                Fn.of("yamlencode", List.of("value"), a -> str(YamlEncoder.encode(a.get(0)))),
                Fn.of("yamldecode", List.of("src"), a -> {
                    try {
                        return YamlDecoder.decode(a.string(0));
                    } catch (IllegalArgumentException e) {
                        throw new FunctionException(e.getMessage());
                    }
                }),
                Fn.of("urlencode", List.of("str"), a -> str(urlencode(a.string(0)))),
                Fn.of("csvdecode", List.of("str"), a -> {
                    try {
                        return CsvDecoder.decode(a.string(0));
                    } catch (IllegalArgumentException e) {
                        throw a.invalid(0, e.getMessage());
                    }
                }));
    }

    private static Value str(String s) {
        return new StringValue(s);
    }

    private static Value base64decode(Args a) {
        String in = a.string(0);
        byte[] bytes;
        try {
            // Go's decoder insists on padding, Java's does not.
            if (in.length() % 4 != 0) throw new IllegalArgumentException("missing padding");
            bytes = Base64.getDecoder().decode(in);
        } catch (IllegalArgumentException e) {
            throw a.invalid(0, "failed to decode base64 data " + Text.quote(in));
        }
        try {
            // Strings are Unicode text; arbitrary binary cannot be represented, so reject it.
            return str(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw a.invalid(0, "the result of decoding the provided string is not valid UTF-8");
        }
    }

    private static Charset charset(Args a, int i) {
        String name = a.string(i);
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw a.invalid(i, Text.quote(name) + " is not a supported IANA encoding name or alias in this Terraform version");
        }
    }

    private static Value textencodebase64(Args a) {
        Charset cs = charset(a, 1);
        try {
            ByteBuffer bytes = cs.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(a.string(0)));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return str(Base64.getEncoder().encodeToString(out));
        } catch (CharacterCodingException e) {
            throw a.invalid(0, "the given string contains characters that cannot be represented in " + cs.name());
        }
    }

    private static Value textdecodebase64(Args a) {
        Charset cs = charset(a, 1);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(a.string(0));
        } catch (IllegalArgumentException e) {
            throw a.invalid(0, "the given value has an invalid base64 symbol");
        }
        try {
            return str(cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw a.invalid(0, "the given string contains symbols that are not defined for " + cs.name());
        }
    }

    /** Go's url.QueryEscape: spaces become '+', only A-Z a-z 0-9 - _ . ~ stay as they are. */
    static String urlencode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}

package dev.berth.engine.functions;

import java.util.regex.Pattern;

/**
 * fileset's patterns (the doublestar syntax Terraform uses): * and ? within one path segment,
 * ** across segments, [classes] with ! or ^ to negate, and {alternatives,like,these}.
 */
final class Glob {
    private final Pattern regex;

    private Glob(Pattern regex) {
        this.regex = regex;
    }

    boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }

    static Glob compile(String glob) {
        StringBuilder re = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (glob.startsWith("**", i)) {
                        boolean wholeSegment = (i == 0 || glob.charAt(i - 1) == '/');
                        if (wholeSegment && glob.startsWith("**/", i)) {
                            re.append("(?:.*/)?");
                            i += 2;
                        } else {
                            re.append(".*");
                            i++;
                        }
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) throw new IllegalArgumentException("syntax error in pattern");
                    String body = glob.substring(i + 1, close);
                    if (body.startsWith("!") || body.startsWith("^")) body = "^" + body.substring(1);
                    re.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                    i = close;
                }
                case '{' -> {
                    braces++;
                    re.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) throw new IllegalArgumentException("syntax error in pattern");
                    braces--;
                    re.append(')');
                }
                case ',' -> re.append(braces > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < glob.length()) re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces != 0) throw new IllegalArgumentException("syntax error in pattern");
        return new Glob(Pattern.compile(re.toString()));
    }
}

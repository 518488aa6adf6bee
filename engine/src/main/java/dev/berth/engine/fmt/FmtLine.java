package dev.berth.engine.fmt;

import dev.berth.engine.hcl.TokenType;

import java.util.List;

/**
 * One output line split into the three cells Terraform aligns independently: the lead (indent
 * and everything up to "="), the assignment ("=" and its value, when the value ends on this
 * line) and a trailing line comment.
 */
final class FmtLine {
    final List<FmtToken> lead;
    final List<FmtToken> assign;
    final FmtToken comment;

    private FmtLine(List<FmtToken> lead, List<FmtToken> assign, FmtToken comment) {
        this.lead = lead;
        this.assign = assign;
        this.comment = comment;
    }

    static FmtLine of(List<FmtToken> tokens) {
        FmtToken comment = null;
        if (tokens.size() > 1 && tokens.get(tokens.size() - 1).isLineComment()) {
            comment = tokens.get(tokens.size() - 1);
            tokens = tokens.subList(0, tokens.size() - 1);
        }
        for (int i = 1; i < tokens.size(); i++) {
            if (!tokens.get(i).is(TokenType.EQUAL)) continue;
            // Only a value that closes every bracket it opens joins the alignment group; a
            // multi-line value such as "tags = {" ends the group, as in terraform fmt.
            if (netBrackets(tokens.subList(i, tokens.size())) == 0) {
                return new FmtLine(tokens.subList(0, i), tokens.subList(i, tokens.size()), comment);
            }
            break;
        }
        return new FmtLine(tokens, List.of(), comment);
    }

    boolean isBlank() {
        return lead.isEmpty() && comment == null;
    }

    boolean hasAssign() {
        return !assign.isEmpty();
    }

    static int netBrackets(List<FmtToken> tokens) {
        int n = 0;
        for (FmtToken t : tokens) n += t.bracketChange();
        return n;
    }

    static int netBracketsBeforeHeredoc(List<FmtToken> tokens) {
        int n = 0;
        for (FmtToken t : tokens) {
            if (t.is(TokenType.OHEREDOC)) break;
            n += t.bracketChange();
        }
        return n;
    }

    static int columns(List<FmtToken> tokens) {
        int c = 0;
        for (FmtToken t : tokens) c += t.spacesBefore + t.width();
        return c;
    }
}

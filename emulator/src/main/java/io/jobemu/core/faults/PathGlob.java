package io.jobemu.core.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fault's path glob: {@code *} matches within a path segment, {@code **} across segments, everything else is
 * literal. Matched by simulating its automaton one path character at a time over a bit set of glob positions, so a
 * match costs the path's length times a few words, whatever the glob: no backtracking, no regex.
 */
public final class PathGlob {

    /** Longest glob accepted: it bounds the words each path character costs. */
    public static final int MAX_LENGTH = 512;

    private final String text;
    /** Bit i: position i (before token i) may be skipped over because token i is a wildcard. */
    private final long[] wildcards;
    /** Bit i: token i is {@code **}. */
    private final long[] anySegments;
    /** Per literal character, the tokens that are that character. */
    private final Map<Character, long[]> literals = new HashMap<>();
    private final int tokens;

    /** In the token list: {@code *} and {@code **}; any other token is a literal character. */
    private static final int SEGMENT_WILDCARD = -1;
    private static final int ANY_WILDCARD = -2;

    private PathGlob(String text, List<Integer> tokenList) {
        this.text = text;
        this.tokens = tokenList.size();
        int words = tokens / 64 + 1;
        wildcards = new long[words];
        anySegments = new long[words];
        for (int i = 0; i < tokens; i++) {
            int token = tokenList.get(i);
            if (token < 0) {
                set(wildcards, i);
                if (token == ANY_WILDCARD) {
                    set(anySegments, i);
                }
            } else {
                set(literals.computeIfAbsent((char) token, c -> new long[words]), i);
            }
        }
    }

    /**
     * @throws IllegalArgumentException for a glob longer than {@link #MAX_LENGTH}, or with three or more
     *     {@code *} in a row (neither a segment nor a cross-segment wildcard)
     */
    public static PathGlob compile(String glob) {
        if (glob.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("path glob must be at most " + MAX_LENGTH + " characters, got "
                    + glob.length());
        }
        List<Integer> tokens = new ArrayList<>();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c != '*') {
                tokens.add((int) c);
                continue;
            }
            int run = 1;
            while (i + run < glob.length() && glob.charAt(i + run) == '*') {
                run++;
            }
            if (run > 2) {
                throw new IllegalArgumentException("path glob \"" + glob + "\" has " + run + " * in a row: use * "
                        + "within a segment or ** across segments");
            }
            i += run - 1;
            // a wildcard next to another matches what the wider of the two matches
            int token = run == 2 ? ANY_WILDCARD : SEGMENT_WILDCARD;
            int last = tokens.size() - 1;
            if (last >= 0 && tokens.get(last) < 0) {
                tokens.set(last, Math.min(tokens.get(last), token));
            } else {
                tokens.add(token);
            }
        }
        return new PathGlob(glob, tokens);
    }

    public boolean matches(String path) {
        int words = wildcards.length;
        long[] current = new long[words];
        long[] next = new long[words];
        set(current, 0);
        skipWildcards(current);
        for (int p = 0; p < path.length(); p++) {
            char c = path.charAt(p);
            long[] literal = literals.get(c);
            boolean alive = false;
            long carry = 0;
            for (int w = 0; w < words; w++) {
                long advanced = literal == null ? 0 : current[w] & literal[w];
                // a literal match moves one position on; a wildcard stays where it is
                long stays = current[w] & (c == '/' ? anySegments[w] : wildcards[w]);
                next[w] = (advanced << 1) | carry | stays;
                carry = advanced >>> 63;
                alive |= next[w] != 0;
            }
            if (!alive) {
                return false;
            }
            skipWildcards(next);
            long[] swap = current;
            current = next;
            next = swap;
        }
        return get(current, tokens);
    }

    /** A wildcard may match nothing: whoever stands before one also stands after it (wildcards never touch). */
    private void skipWildcards(long[] positions) {
        long carry = 0;
        for (int w = 0; w < positions.length; w++) {
            long skipped = positions[w] & wildcards[w];
            long shifted = (skipped << 1) | carry;
            carry = skipped >>> 63;
            positions[w] |= shifted;
        }
    }

    private static void set(long[] bits, int index) {
        bits[index >>> 6] |= 1L << (index & 63);
    }

    private static boolean get(long[] bits, int index) {
        return (bits[index >>> 6] & (1L << (index & 63))) != 0;
    }

    @Override
    public String toString() {
        return text;
    }
}

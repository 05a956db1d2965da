package io.jobemu.jobserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobemu.core.http.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The iteration order of Scala 2.12's immutable {@code Map} and {@code Set}, which is the key order of every JSON
 * object the real server prints (spray-json writes a Scala map's entries as it iterates them). Up to four entries
 * keep insertion order ({@code Map1}..{@code Map4}); from five on the collection is a hash trie, iterated by the
 * 5-bit chunks of each key's improved hash code, lowest chunk first.
 */
public final class ScalaCollections {

    private static final int SMALL_COLLECTION_LIMIT = 4;
    private static final int TRIE_LEVELS = 7;

    private ScalaCollections() {
    }

    /** An object with the entries of {@code insertionOrdered}, in the order the real server prints them. */
    public static ObjectNode object(Map<String, ? extends JsonNode> insertionOrdered) {
        ObjectNode node = Json.object();
        for (String key : order(List.copyOf(insertionOrdered.keySet()), Function.identity())) {
            node.set(key, insertionOrdered.get(key));
        }
        return node;
    }

    /** {@code items} in Scala's iteration order for a collection built by adding them in the given order. */
    public static <T> List<T> order(List<T> items, Function<T, String> key) {
        return orderByHash(items, item -> key.apply(item).hashCode());
    }

    /** The same for keys of any type: {@code hash} gives each item's key's {@code ##} (its Scala hash code). */
    public static <T> List<T> orderByHash(List<T> items, ToIntFunction<T> hash) {
        List<T> ordered = new ArrayList<>(items);
        if (ordered.size() > SMALL_COLLECTION_LIMIT) {
            ordered.sort(Comparator.comparingLong(item -> triePosition(hash.applyAsInt(item))));
        }
        return ordered;
    }

    /** The position of a key in a hash trie: its hash's 5-bit chunks, the lowest (the root level) most significant. */
    private static long triePosition(int keyHash) {
        int hash = improve(keyHash);
        long position = 0;
        for (int level = 0; level < TRIE_LEVELS; level++) {
            position = position * 32 + ((hash >>> (5 * level)) & 31);
        }
        return position;
    }

    /** {@code scala.collection.immutable.HashMap.improve}, which spreads a key's hash code before use. */
    private static int improve(int hashCode) {
        int h = hashCode + ~(hashCode << 9);
        h = h ^ (h >>> 14);
        h = h + (h << 4);
        return h ^ (h >>> 10);
    }
}

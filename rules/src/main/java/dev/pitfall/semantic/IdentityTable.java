package dev.pitfall.semantic;

/**
 * A map keyed by identity for per-node tables of the semantic model and the rules (null keys not
 * allowed).
 * Not an {@link java.util.IdentityHashMap}: that one, grown from its default size, rehashes every
 * key at each resize, and {@link System#identityHashCode} is a native call in C1-compiled code;
 * this one keeps each key's hash, so growing calls it no more. A final class, so that its calls
 * bind statically.
 */
public final class IdentityTable<K, V> {
    private Object[] keys;
    private Object[] values;
    private int[] hashes;
    private int size;

    /** A table that holds {@code expectedSize} keys without growing. */
    public IdentityTable(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(expectedSize, 16) * 2 - 1) * 2;
        keys = new Object[capacity];
        values = new Object[capacity];
        hashes = new int[capacity];
    }

    public V get(K key) {
        int mask = keys.length - 1;
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            Object present = keys[slot];
            if (present == key) {
                @SuppressWarnings("unchecked")
                V value = (V) values[slot];
                return value;
            }
            if (present == null) {
                return null;
            }
        }
    }

    public boolean containsKey(K key) {
        int mask = keys.length - 1;
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            Object present = keys[slot];
            if (present == key) {
                return true;
            }
            if (present == null) {
                return false;
            }
        }
    }

    public V getOrDefault(K key, V fallback) {
        V value = get(key);
        return value == null ? fallback : value;
    }

    public void put(K key, V value) {
        int hash = hash(key);
        int mask = keys.length - 1;
        int slot = hash & mask;
        for (Object present = keys[slot]; present != null; present = keys[slot]) {
            if (present == key) {
                values[slot] = value;
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
        hashes[slot] = hash;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    private void grow() {
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        int[] oldHashes = hashes;
        keys = new Object[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        hashes = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = oldHashes[i] & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }

    private static int hash(Object key) {
        int h = System.identityHashCode(key);
        return h ^ (h >>> 16);
    }
}

package dev.thesis.analysis;

/**
 * Ids to dense numbers, in open addressing: arrays instead of a node and a boxed number per entry,
 * for indexes as large as the corpus (a million ids). Putting an id again replaces its number, as
 * {@link java.util.HashMap#put} would.
 */
final class IdIndex {
  /**
   * Per slot, the key's hash and its number plus one (0: empty), side by side: a probe reads one
   * cache line, and a key's text only when the hashes match. Most probes are for ids not here.
   */
  private int[] slots;

  private String[] keys;
  private int mask;
  private int size;

  IdIndex(int expected) {
    int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
    slots = new int[capacity * 2];
    keys = new String[capacity];
    mask = capacity - 1;
  }

  private static int spread(int h) {
    h *= 0x9E3779B1;
    return h ^ (h >>> 16);
  }

  /** Numbers {@code id}; returns the number it had, or -1. */
  int put(String id, int value) {
    return number(id, value, true);
  }

  /** The number of {@code id}; when it has none, numbers it {@code value} and returns -1. */
  int putIfAbsent(String id, int value) {
    return number(id, value, false);
  }

  private int number(String id, int value, boolean replace) {
    int h = id.hashCode();
    int i = slot(id, h);
    int old = slots[2 * i + 1] - 1;
    if (old < 0) {
      add(i, id, h, value);
    } else if (replace) {
      slots[2 * i + 1] = value + 1;
    }
    return old;
  }

  /** The number of {@code id}, or -1. */
  int get(Object id) {
    if (!(id instanceof String s)) {
      return -1;
    }
    return slots[2 * slot(s, s.hashCode()) + 1] - 1;
  }

  int size() {
    return size;
  }

  /** Where {@code id} is, or the empty slot where it would go. */
  private int slot(String id, int h) {
    int i = spread(h) & mask;
    while (true) {
      if (slots[2 * i + 1] == 0) {
        return i;
      }
      if (slots[2 * i] == h) {
        String k = keys[i];
        if (k == id || k.equals(id)) {
          return i;
        }
      }
      i = (i + 1) & mask;
    }
  }

  private void add(int i, String id, int h, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative number " + value);
    }
    keys[i] = id;
    slots[2 * i] = h;
    slots[2 * i + 1] = value + 1;
    if (++size * 2 > keys.length) {
      grow();
    }
  }

  private void grow() {
    int[] oldSlots = slots;
    String[] oldKeys = keys;
    keys = new String[oldKeys.length * 2];
    slots = new int[keys.length * 2];
    mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldSlots[2 * j + 1] != 0) {
        int i = spread(oldSlots[2 * j]) & mask;
        while (slots[2 * i + 1] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        slots[2 * i] = oldSlots[2 * j];
        slots[2 * i + 1] = oldSlots[2 * j + 1];
      }
    }
  }
}

package dev.thesis.engine;

import java.util.Arrays;

/**
 * Ids of objects in a session, by handle number ({@link dev.thesis.drools.Handles}). An array, not
 * an identity map: handle numbers are dense, and hashing a million objects by identity cost more
 * than reading the conclusions. Each entry keeps its object too, and a lookup checks it, so a
 * number the table never saw (an accumulate's result) can name nothing.
 */
final class IdTable {
  private String[] ids;
  private Object[] objects;

  IdTable(int capacity) {
    ids = new String[Math.max(capacity, 16)];
    objects = new Object[ids.length];
  }

  void put(long handle, Object object, String id) {
    int i = index(handle);
    if (i >= ids.length) {
      int size = Math.max(i + 1, ids.length + (ids.length >> 1));
      ids = Arrays.copyOf(ids, size);
      objects = Arrays.copyOf(objects, size);
    }
    ids[i] = id;
    objects[i] = object;
  }

  void remove(long handle) {
    int i = index(handle);
    if (i < ids.length) {
      ids[i] = null;
      objects[i] = null;
    }
  }

  /** The id of {@code object}, held under {@code handle}; null when this table does not name it. */
  String get(long handle, Object object) {
    if (handle < 0 || handle >= ids.length) {
      return null;
    }
    int i = (int) handle;
    return objects[i] == object ? ids[i] : null;
  }

  private static int index(long handle) {
    if (handle < 0 || handle >= Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("handle number out of range: " + handle);
    }
    return (int) handle;
  }
}
